using System.Security.Claims;
using Journal.Domain;
using Journal.Domain.Schools;
using Journal.Web.Data;
using Journal.Web.Data.Queries;
using Journal.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Messaging;

/// <summary>The signed-in member writing or reading messages: their membership in the current school and roles there.</summary>
public sealed record Correspondent(Guid MembershipId, IReadOnlyCollection<SchoolRole> Roles)
{
    public static Correspondent Of(ClaimsPrincipal user) => new(user.CurrentMembershipId(), user.SchoolRoles());

    /// <summary>«Администрация»: the Admin and the Deputy (the director is a Deputy here) write to any class.</summary>
    public bool IsAdministration => Roles.Contains(SchoolRole.Admin) || Roles.Contains(SchoolRole.Deputy);

    /// <summary>School staff write to anyone of the school; parents and pupils only to staff (MSG-1).</summary>
    public bool IsStaff => IsAdministration || Roles.Contains(SchoolRole.Teacher) || Roles.Contains(SchoolRole.ClassTeacher);
}

/// <summary>
/// MSG-1, MSG-2: whom a member may write to. A parent or a pupil: the teachers of the subjects of the pupil's class,
/// the class teacher and the administration, nobody else (never another parent or pupil). Staff: every colleague,
/// the pupils with an account and the parents of the pupils of the classes they teach or lead (the administration:
/// of every class), and those classes as mailings. The form shows these lists and sending checks against them.
/// </summary>
public static class Recipients
{
    public sealed record Person(Guid Id, string Name, string Note);

    public sealed record PupilOption(Guid Id, string Name, string ClassName, bool HasParents);

    public sealed record ClassOption(Guid Id, string Name);

    public sealed record Model(IReadOnlyList<Person> People, IReadOnlyList<PupilOption> Pupils, IReadOnlyList<ClassOption> Classes);

    public sealed class Handler(JournalDbContext db, SchoolClock clock)
    {
        public async Task<Model> Handle(Correspondent me, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(me);
            var today = clock.Today;
            var year = await CurrentYear.ForAsync(db, today, cancellationToken);
            if (year is null)
            {
                return new Model([], [], []);
            }

            return me.IsStaff ? await ForStaffAsync(me, year.Id, today, cancellationToken) : await ForFamilyAsync(me, year.Id, today, cancellationToken);
        }

        /// <summary>The classes of the current year a member of staff may write to (as mailings or to their pupils' parents).</summary>
        public IQueryable<Guid> ClassesOf(Correspondent me, Guid yearId)
        {
            var all = me.IsAdministration;
            var id = me.MembershipId;
            return db.Classes.AsNoTracking()
                .Where(c => c.AcademicYearId == yearId
                            && (all || c.ClassTeacherId == id || db.TeachingAssignments.Any(a => a.ClassId == c.Id && a.TeacherId == id)))
                .Select(c => c.Id);
        }

        private async Task<Model> ForStaffAsync(Correspondent me, Guid yearId, DateOnly today, CancellationToken cancellationToken)
        {
            var classIds = ClassesOf(me, yearId);
            var classes = await db.Classes.AsNoTracking()
                .Where(c => classIds.Contains(c.Id))
                .OrderBy(c => c.Grade).ThenBy(c => c.Letter)
                .Select(c => new ClassOption(c.Id, c.Grade + c.Letter))
                .ToListAsync(cancellationToken);
            var enrolledToday = Enrolled.On(today);
            var pupils = await (
                    from e in db.Enrolments.AsNoTracking().Where(enrolledToday)
                    where classIds.Contains(e.ClassId)
                    join c in db.Classes on e.ClassId equals c.Id
                    join p in db.Pupils on e.PupilId equals p.Id
                    orderby c.Grade, c.Letter, p.LastName, p.FirstName
                    select new
                    {
                        p.Id,
                        Name = p.LastName + " " + p.FirstName,
                        ClassName = c.Grade + c.Letter,
                        p.MembershipId,
                        HasParents = db.ParentLinks.Any(l => l.PupilId == p.Id),
                    })
                .ToListAsync(cancellationToken);
            var staffRoles = new[] { SchoolRole.Admin, SchoolRole.Deputy, SchoolRole.Teacher };
            var staff = await db.Memberships.AsNoTracking()
                .Where(m => m.Id != me.MembershipId && m.Roles.Any(r => staffRoles.Contains(r.Role)))
                .OrderBy(m => m.LastName).ThenBy(m => m.FirstName)
                .Select(m => new { m.Id, m.LastName, m.FirstName, m.MiddleName, Roles = m.Roles.Select(r => r.Role).ToList() })
                .ToListAsync(cancellationToken);

            var people = staff
                .Select(m => new Person(m.Id, PersonName.Full(m.LastName, m.FirstName, m.MiddleName), StaffNote(m.Roles)))
                .Concat(pupils.Where(p => p.MembershipId is { } id && id != me.MembershipId)
                    .Select(p => new Person(p.MembershipId!.Value, p.Name, $"ученик {p.ClassName}")))
                .ToList();
            return new Model(
                people, [.. pupils.Select(p => new PupilOption(p.Id, p.Name, p.ClassName, p.HasParents))], classes);
        }

        private async Task<Model> ForFamilyAsync(Correspondent me, Guid yearId, DateOnly today, CancellationToken cancellationToken)
        {
            var id = me.MembershipId;
            var parent = me.Roles.Contains(SchoolRole.Parent);
            var student = me.Roles.Contains(SchoolRole.Student);
            var children = db.Pupils.Where(p => student && p.MembershipId == id).Select(p => p.Id)
                .Concat(db.ParentLinks.Where(l => parent && l.ParentId == id).Select(l => l.PupilId));
            var enrolledToday = Enrolled.On(today);
            var classes = await (
                    from e in db.Enrolments.AsNoTracking().Where(enrolledToday)
                    where children.Contains(e.PupilId)
                    join c in db.Classes on e.ClassId equals c.Id
                    where c.AcademicYearId == yearId
                    select new { c.Id, Name = c.Grade + c.Letter, c.ClassTeacherId })
                .Distinct()
                .ToListAsync(cancellationToken);
            var classIds = classes.Select(c => c.Id).ToList();
            var teachers = await (
                    from a in db.TeachingAssignments.AsNoTracking()
                    where classIds.Contains(a.ClassId)
                    join s in db.Subjects on a.SubjectId equals s.Id
                    select new { a.TeacherId, a.ClassId, Subject = s.Name })
                .Distinct()
                .ToListAsync(cancellationToken);
            var administration = new[] { SchoolRole.Admin, SchoolRole.Deputy };
            var notes = new Dictionary<Guid, List<string>>();
            void Note(Guid member, string note)
            {
                if (!notes.TryGetValue(member, out var list))
                {
                    notes[member] = list = [];
                }

                if (!list.Contains(note, StringComparer.Ordinal))
                {
                    list.Add(note);
                }
            }

            foreach (var c in classes.Where(c => c.ClassTeacherId is not null))
            {
                Note(c.ClassTeacherId!.Value, $"классный руководитель {c.Name}");
            }

            foreach (var t in teachers.OrderBy(t => t.Subject, StringComparer.Ordinal))
            {
                Note(t.TeacherId, $"{t.Subject}, {classes.Single(c => c.Id == t.ClassId).Name}");
            }

            var adminIds = await db.MembershipRoles.AsNoTracking()
                .Where(r => administration.Contains(r.Role))
                .Select(r => new { r.MembershipId, r.Role })
                .ToListAsync(cancellationToken);
            foreach (var a in adminIds.OrderBy(a => a.Role))
            {
                Note(a.MembershipId, a.Role == SchoolRole.Admin ? "администратор журнала" : "администрация");
            }

            notes.Remove(id);
            var ids = notes.Keys.ToList();
            var names = await db.Memberships.AsNoTracking()
                .Where(m => ids.Contains(m.Id))
                .Select(m => new { m.Id, m.LastName, m.FirstName, m.MiddleName })
                .ToListAsync(cancellationToken);
            var people = names
                .Select(m => new Person(m.Id, PersonName.Full(m.LastName, m.FirstName, m.MiddleName), string.Join("; ", notes[m.Id])))
                // The class teacher first, then subject teachers, then the administration.
                .OrderBy(p => p.Note.StartsWith("классный", StringComparison.Ordinal) ? 0 : p.Note.StartsWith("администра", StringComparison.Ordinal) ? 2 : 1)
                .ThenBy(p => p.Name, StringComparer.Ordinal)
                .ToList();
            return new Model(people, [], []);
        }

        private static string StaffNote(List<SchoolRole> roles) =>
            roles.Contains(SchoolRole.Admin) ? "администратор журнала"
            : roles.Contains(SchoolRole.Deputy) ? "администрация"
            : "учитель";
    }
}
