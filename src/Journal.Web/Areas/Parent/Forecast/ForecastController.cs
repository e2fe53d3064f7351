using Journal.Domain.Schools;
using Journal.Web.Data;
using Journal.Web.Forecasts;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.Parent.Forecast;

/// <summary>GRD-5, DRY-1, DRY-2: a child's forecast per subject; only the parent's own children, with a switcher.</summary>
public sealed class ForecastController(
    JournalDbContext db, SchoolClock clock, TenantContext tenant, ClassForecast.Handler forecast) : ParentAreaController
{
    public sealed record Child(Guid Id, string Name, Guid? ClassId);

    public sealed record Model(IReadOnlyList<Child> Children, Child Child, ClassForecast.Model? Forecast);

    public async Task<IActionResult> Index([FromQuery(Name = "pupil")] Guid? pupilId, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return NotFound();
        }

        var me = User.CurrentMembershipId();
        var today = clock.Today;
        // The class of today, or the last one the child was in (the summer after the year).
        var children = await (
                from link in db.ParentLinks.AsNoTracking()
                where link.ParentId == me
                join p in db.Pupils on link.PupilId equals p.Id
                orderby p.FirstName, p.LastName
                select new Child(
                    p.Id,
                    p.LastName + " " + p.FirstName,
                    db.Enrolments.Where(e => e.PupilId == p.Id && e.FromDate <= today)
                        .OrderByDescending(e => e.ToDate == null || e.ToDate >= today).ThenByDescending(e => e.FromDate)
                        .Select(e => (Guid?)e.ClassId).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        // DRY-2: another family's child, or another school's, is simply not found.
        var child = pupilId is { } id ? children.SingleOrDefault(c => c.Id == id) : children.FirstOrDefault();
        if (child is null)
        {
            return NotFound();
        }

        var model = child.ClassId is { } classId
            ? await forecast.Handle(new ClassForecast.Query(classId, child.Id, today, tenant.Settings.Grading), cancellationToken)
            : null;
        return View(new Model(children, child, model));
    }
}
