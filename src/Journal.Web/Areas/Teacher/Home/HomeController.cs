using Journal.Domain.Schools;
using Journal.Web.Data;
using Journal.Web.Data.Queries;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.Teacher.Home;

public sealed class HomeController(JournalDbContext db, SchoolClock clock) : TeacherAreaController
{
    public sealed record JournalRow(Guid AssignmentId, string ClassName, string Subject, string? Subgroup);

    public sealed record Model(DateOnly Today, List<DayLessons.Row> Lessons, List<JournalRow> Journals);

    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var me = User.CurrentMembershipId();
        var today = clock.Today;
        var lessons = await DayLessons.ForTeacherAsync(db, me, today, cancellationToken);
        var yearId = (await CurrentYear.ForAsync(db, today, cancellationToken))?.Id;
        var journals = await (
                from a in db.TeachingAssignments.AsNoTracking()
                where a.TeacherId == me
                join c in db.Classes on a.ClassId equals c.Id
                where c.AcademicYearId == yearId
                join s in db.Subjects on a.SubjectId equals s.Id
                join g in db.Subgroups on a.SubgroupId equals (Guid?)g.Id into groups
                from g in groups.DefaultIfEmpty()
                orderby c.Grade, c.Letter, s.Name, g.Name
                select new JournalRow(a.Id, c.Grade + c.Letter, s.Name, g == null ? null : g.Name))
            .ToListAsync(cancellationToken);
        return View(new Model(today, lessons, journals));
    }
}
