using Journal.Domain.Schools;
using Journal.Web.Data;
using Journal.Web.Data.Queries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.Admin.Home;

public sealed class HomeController(JournalDbContext db, SchoolClock clock) : AdminAreaController
{
    public sealed record Model(string? Year, int Staff, int Pupils, int Subjects, List<ClassList.Row> Classes);

    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var year = await CurrentYear.ForAsync(db, today, cancellationToken);
        var staffRoles = new[] { SchoolRole.Admin, SchoolRole.Deputy, SchoolRole.Teacher };
        var staff = await db.Memberships.CountAsync(m => m.Roles.Any(r => staffRoles.Contains(r.Role)), cancellationToken);
        var subjects = await db.Subjects.CountAsync(cancellationToken);
        var classes = year is null ? [] : await ClassList.ForYearAsync(db, year.Id, today, cancellationToken);
        return View(new Model(year?.Name, staff, classes.Sum(c => c.Pupils), subjects, classes));
    }
}
