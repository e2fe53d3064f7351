using Journal.Domain.Lessons;
using Journal.Domain.Schools;
using Journal.Web.Data;
using Journal.Web.Data.Queries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.Deputy.Home;

public sealed class HomeController(JournalDbContext db, SchoolClock clock) : DeputyAreaController
{
    public sealed record Model(string? Year, string? Period, List<ClassList.Row> Classes, int PendingCorrections);

    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var year = await CurrentYear.ForAsync(db, today, cancellationToken);
        var period = year is null
            ? null
            : await db.StudyPeriods.AsNoTracking()
                .Where(p => p.AcademicYearId == year.Id && p.StartDate <= today && p.EndDate >= today)
                .OrderBy(p => p.Kind).FirstOrDefaultAsync(cancellationToken);
        var classes = year is null ? [] : await ClassList.ForYearAsync(db, year.Id, today, cancellationToken);
        var pending = await db.CorrectionRequests.CountAsync(r => r.Status == CorrectionStatus.Pending, cancellationToken);
        return View(new Model(year?.Name, period?.Name, classes, pending));
    }
}
