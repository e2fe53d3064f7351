using Journal.Domain;
using Journal.Domain.Lessons;
using Journal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.ClassTeacher.Attendance;

/// <summary>
/// One pupil's absences of a week in the class teacher's class, each with whether it may still be
/// corrected (LCK-1): the page where reasons are corrected one by one. Two queries.
/// </summary>
public static class PupilAbsences
{
    public sealed record Query(Guid ClassId, Guid PupilId, DateOnly Monday, Guid ClassTeacherId, DateOnly Today, int LockDays);

    public sealed record Row(
        Guid AbsenceId, DateOnly Date, int Number, string Subject, string Teacher, AttendanceKind Kind, string? LockReason);

    public sealed record Model(
        Guid ClassId, string ClassName, Guid PupilId, string Pupil, DateOnly Monday, DateOnly Today, int LockDays,
        IReadOnlyList<Row> Rows)
    {
        public DateOnly Saturday => Monday.AddDays(5);
    }

    public sealed class Handler(JournalDbContext db)
    {
        public async Task<Model?> Handle(Query query, CancellationToken cancellationToken)
        {
            // The pupil has been in the class (a class this teacher leads) at some time; else: not found.
            var pupil = await (
                    from c in LedClasses.Of(db, query.ClassTeacherId).AsNoTracking()
                    where c.Id == query.ClassId
                    join p in db.Pupils on query.PupilId equals p.Id
                    where db.Enrolments.Any(e => e.ClassId == c.Id && e.PupilId == p.Id)
                    select new { ClassName = c.Grade + c.Letter, p.LastName, p.FirstName, p.MiddleName })
                .SingleOrDefaultAsync(cancellationToken);
            if (pupil is null)
            {
                return null;
            }

            var monday = query.Monday;
            var saturday = monday.AddDays(5);
            var rows = await (
                    from ab in db.Absences.AsNoTracking()
                    where ab.PupilId == query.PupilId
                    join l in db.Lessons on ab.LessonId equals l.Id
                    where l.Date >= monday && l.Date <= saturday
                    join a in db.TeachingAssignments on l.AssignmentId equals a.Id
                    where a.ClassId == query.ClassId
                    join s in db.Subjects on a.SubjectId equals s.Id
                    join m in db.Memberships on (l.SubstituteTeacherId ?? a.TeacherId) equals m.Id
                    orderby l.Date, l.LessonNumber
                    select new { ab.Id, l.Date, l.LessonNumber, Subject = s.Name, m.LastName, m.FirstName, m.MiddleName, ab.Kind })
                .ToListAsync(cancellationToken);
            return new Model(
                query.ClassId, pupil.ClassName, query.PupilId, PersonName.Full(pupil.LastName, pupil.FirstName, pupil.MiddleName),
                monday, query.Today, query.LockDays,
                rows.Select(r => new Row(
                    r.Id, r.Date, r.LessonNumber, r.Subject, PersonName.WithInitials(r.LastName, r.FirstName, r.MiddleName), r.Kind,
                    Journal.Domain.Policies.EditLock.CanEdit(r.Date, query.Today, query.LockDays).Reason)).ToList());
        }
    }
}
