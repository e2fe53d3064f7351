using Journal.Domain.Schools;
using Journal.Web.Data;
using Journal.Web.Forecasts;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.Student.Forecast;

/// <summary>GRD-5, DRY-1: the pupil's own forecast per subject for the current period.</summary>
public sealed class ForecastController(
    JournalDbContext db, SchoolClock clock, TenantContext tenant, ClassForecast.Handler forecast) : StudentAreaController
{
    public sealed record Model(string Name, ClassForecast.Model? Forecast);

    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var me = User.CurrentMembershipId();
        var today = clock.Today;
        // The class of today, or the last one the pupil was in (the summer after the year).
        var pupil = await db.Pupils.AsNoTracking()
            .Where(p => p.MembershipId == me)
            .Select(p => new
            {
                p.Id,
                Name = p.LastName + " " + p.FirstName,
                ClassId = db.Enrolments.Where(e => e.PupilId == p.Id && e.FromDate <= today)
                    .OrderByDescending(e => e.ToDate == null || e.ToDate >= today).ThenByDescending(e => e.FromDate)
                    .Select(e => (Guid?)e.ClassId).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (pupil is null)
        {
            return NotFound();
        }

        var model = pupil.ClassId is { } classId
            ? await forecast.Handle(new ClassForecast.Query(classId, pupil.Id, today, tenant.Settings.Grading), cancellationToken)
            : null;
        return View(new Model(pupil.Name, model));
    }
}
