using Journal.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.Operator.Home;

/// <summary>The service operator's console: schools (tenants) only, no pupil data.</summary>
public sealed class HomeController(JournalDbContext db) : OperatorAreaController
{
    public sealed record SchoolRow(string Slug, string Name, string TimeZoneId, bool IsSuspended);

    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await db.Schools.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new SchoolRow(s.Slug, s.Name, s.TimeZoneId, s.IsSuspended))
            .ToListAsync(cancellationToken));
}
