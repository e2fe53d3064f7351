using Journal.Domain.Schools;
using Journal.Web.Data;
using Journal.Web.Data.Queries;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Web.Areas.Teacher.Plans;

/// <summary>JRN-6: the line «КТП: дано 23 из 34 ч.» on a journal page. One query.</summary>
public sealed class PlanProgressViewComponent(JournalDbContext db, SchoolClock clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid assignmentId, Guid yearId)
    {
        var rows = await PlanProgress.ForAsync(
            db, db.TeachingAssignments.Where(a => a.Id == assignmentId), yearId, clock.Today, HttpContext.RequestAborted);
        return rows.Count == 1 ? View("~/Areas/Teacher/Plans/_Progress.cshtml", rows[0]) : Content("");
    }
}
