using Journal.Domain.Schools;
using Journal.Web.Areas.ClassTeacher.Attendance;
using Journal.Web.Data;
using Journal.Web.Forecasts;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.ClassTeacher.Forecast;

/// <summary>
/// GRD-5, seed 003 §4.2.4: the class teacher's forecast of the class: «группа риска», «с одной «3»», «с одной «4»»
/// across all subjects, and each pupil's forecast per subject.
/// </summary>
public sealed class ForecastController(
    JournalDbContext db, SchoolClock clock, TenantContext tenant, ClassForecast.Handler forecast) : ClassTeacherAreaController
{
    public sealed record ClassOption(Guid Id, string Name);

    public sealed record Model(IReadOnlyList<ClassOption> Classes, ClassForecast.Model Forecast);

    public async Task<IActionResult> Index([FromQuery(Name = "class")] Guid? classId, CancellationToken cancellationToken)
    {
        var (classes, chosen) = await ClassAsync(classId, cancellationToken);
        if (chosen is null)
        {
            return NotFound(); // not this teacher's class, another school's, or no class led this year
        }

        var model = await forecast.Handle(new ClassForecast.Query(chosen.Id, null, clock.Today, tenant.Settings.Grading), cancellationToken);
        return model is null ? NotFound() : View(new Model(classes, model));
    }

    public async Task<IActionResult> Pupil(Guid id, [FromQuery(Name = "class")] Guid? classId, CancellationToken cancellationToken)
    {
        var (classes, chosen) = await ClassAsync(classId, cancellationToken);
        if (chosen is null)
        {
            return NotFound();
        }

        var model = await forecast.Handle(new ClassForecast.Query(chosen.Id, id, clock.Today, tenant.Settings.Grading), cancellationToken);
        // Not a pupil of this class in the period (nor anyone's, in grade 1 or before the year: no forecast to show).
        return model is null || model.Pupils.Count == 0
            ? NotFound()
            : View(new Model(classes, model));
    }

    private async Task<(List<ClassOption> Classes, ClassOption? Chosen)> ClassAsync(Guid? classId, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return ([], null);
        }

        var classes = await LedClasses.Of(db, User.CurrentMembershipId()).AsNoTracking()
            .OrderBy(c => c.Grade).ThenBy(c => c.Letter)
            .Select(c => new ClassOption(c.Id, c.Grade + c.Letter))
            .ToListAsync(cancellationToken);
        return (classes, classId is { } id ? classes.SingleOrDefault(c => c.Id == id) : classes.FirstOrDefault());
    }
}
