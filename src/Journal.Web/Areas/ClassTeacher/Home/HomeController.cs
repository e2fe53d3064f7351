using Journal.Domain.Schools;
using Journal.Web.Data;
using Journal.Web.Data.Queries;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.ClassTeacher.Home;

public sealed class HomeController(JournalDbContext db, SchoolClock clock) : ClassTeacherAreaController
{
    public sealed record PupilRow(Guid ClassId, string Name, DateOnly BirthDate, DateOnly From, DateOnly? To, string? DepartureReason);

    public sealed record ClassModel(string Name, List<PupilRow> Pupils);

    public sealed record Model(DateOnly Today, List<ClassModel> Classes);

    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var me = User.CurrentMembershipId();
        var today = clock.Today;
        var yearId = (await CurrentYear.ForAsync(db, today, cancellationToken))?.Id;
        var classes = await db.Classes.AsNoTracking()
            .Where(c => c.ClassTeacherId == me && c.AcademicYearId == yearId)
            .OrderBy(c => c.Grade).ThenBy(c => c.Letter)
            .Select(c => new { c.Id, Name = c.Grade + c.Letter })
            .ToListAsync(cancellationToken);
        var classIds = classes.Select(c => c.Id).ToList();
        var pupils = await (
                from e in db.Enrolments.AsNoTracking()
                where classIds.Contains(e.ClassId)
                join p in db.Pupils on e.PupilId equals p.Id
                orderby p.LastName, p.FirstName, p.MiddleName
                select new PupilRow(
                    e.ClassId, p.LastName + " " + p.FirstName + " " + (p.MiddleName ?? ""), p.BirthDate, e.FromDate, e.ToDate,
                    e.DepartureReason))
            .ToListAsync(cancellationToken);
        return View(new Model(
            today,
            classes.Select(c => new ClassModel(c.Name, pupils.Where(p => p.ClassId == c.Id).ToList())).ToList()));
    }
}
