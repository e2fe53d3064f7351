using FluentValidation;
using Journal.Domain.Communication;
using Journal.Domain.Schools;
using Journal.Web.Data;
using Journal.Web.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Announcements;

/// <summary>
/// DRY-3: the Admin and the Deputy announce to the whole school or to a class; a class teacher to their own class.
/// Announcements show on the home page of the pupils and parents they concern until their last day.
/// </summary>
public static class PublishAnnouncement
{
    public sealed class Form
    {
        public string? Title { get; set; }

        public string? Text { get; set; }

        /// <summary>A class id, or empty for the whole school.</summary>
        public Guid? ClassId { get; set; }

        public DateOnly? ShowUntil { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(x => x.Title).NotEmpty().WithMessage("Напишите заголовок.")
                .MaximumLength(200).WithMessage("Заголовок длиннее 200 знаков.");
            RuleFor(x => x.Text).NotEmpty().WithMessage("Напишите текст объявления.")
                .MaximumLength(5000).WithMessage("Текст длиннее 5000 знаков.");
        }
    }

    public sealed record ClassOption(Guid Id, string Name);

    public sealed record Item(Guid Id, string Title, string Text, string? ClassName, string Author, DateTimeOffset PublishedAt, DateOnly? ShowUntil, bool CanDelete);

    /// <summary>Who may publish where: everyone in the school (null classes) or only these classes.</summary>
    public sealed record Rights(bool WholeSchool, IReadOnlyList<ClassOption> Classes)
    {
        public bool Any => WholeSchool || Classes.Count > 0;
    }

    public sealed class Handler(JournalDbContext db, SchoolClock clock)
    {
        public async Task<Rights> RightsAsync(Guid me, IReadOnlyList<SchoolRole> roles, CancellationToken cancellationToken)
        {
            var manager = roles.Contains(SchoolRole.Admin) || roles.Contains(SchoolRole.Deputy);
            if (!manager && !roles.Contains(SchoolRole.ClassTeacher))
            {
                return new Rights(false, []);
            }

            var yearId = (await CurrentYear.ForAsync(db, clock.Today, cancellationToken))?.Id;
            var classes = await db.Classes.AsNoTracking()
                .Where(c => c.AcademicYearId == yearId && (manager || c.ClassTeacherId == me))
                .OrderBy(c => c.Grade).ThenBy(c => c.Letter)
                .Select(c => new ClassOption(c.Id, c.Grade + c.Letter))
                .ToListAsync(cancellationToken);
            return new Rights(manager, classes);
        }

        /// <summary>What this publisher sees to manage: the school's (managers) or their classes' announcements.</summary>
        public async Task<List<Item>> ListAsync(Guid me, Rights rights, CancellationToken cancellationToken)
        {
            var classIds = rights.Classes.Select(c => c.Id).ToList();
            var whole = rights.WholeSchool;
            return await (
                    from a in db.Announcements.AsNoTracking()
                    where whole || (a.ClassId != null && classIds.Contains(a.ClassId.Value)) || a.ClassId == null
                    join m in db.Memberships on a.AuthorId equals m.Id
                    from c in db.Classes.Where(c => c.Id == a.ClassId).DefaultIfEmpty()
                    orderby a.PublishedAt descending
                    select new Item(
                        a.Id, a.Title, a.Text, c == null ? null : c.Grade + c.Letter, m.LastName + " " + m.FirstName,
                        a.PublishedAt, a.ShowUntil, whole || (a.AuthorId == me && a.ClassId != null)))
                .Take(100)
                .ToListAsync(cancellationToken);
        }

        public async Task<string?> PublishAsync(Form form, Guid me, Rights rights, CancellationToken cancellationToken)
        {
            if (form.ClassId is { } classId ? rights.Classes.All(c => c.Id != classId) : !rights.WholeSchool)
            {
                return form.ClassId is null ? "Объявление для всей школы публикует администрация." : "Этого класса нет среди ваших.";
            }

            if (form.ShowUntil is { } until && until < clock.Today)
            {
                return "Дата «показывать до» уже прошла.";
            }

            db.Announcements.Add(new Announcement
            {
                Title = form.Title!.Trim(),
                Text = form.Text!.Trim(),
                ClassId = form.ClassId,
                AuthorId = me,
                PublishedAt = clock.Now.ToUniversalTime(),
                ShowUntil = form.ShowUntil,
            });
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }

        /// <summary>Managers remove any; a class teacher their own class announcements. False: not theirs or not found.</summary>
        public async Task<bool> DeleteAsync(Guid id, Guid me, Rights rights, CancellationToken cancellationToken) =>
            await db.Announcements
                .Where(a => a.Id == id && (rights.WholeSchool || (a.AuthorId == me && a.ClassId != null)))
                .ExecuteDeleteAsync(cancellationToken) == 1;
    }
}
