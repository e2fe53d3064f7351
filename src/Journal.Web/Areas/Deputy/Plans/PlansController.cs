using Journal.Domain.Schools;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Web.Areas.Deputy.Plans;

/// <summary>JRN-6: progress of every journal's КТП for the Deputy.</summary>
[Route("s/{school}/deputy/plans")]
public sealed class PlansController(SchoolClock clock) : DeputyAreaController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(bool problems, [FromServices] PlanOverview.Handler overview, CancellationToken cancellationToken) =>
        View(await overview.Handle(new PlanOverview.Query(clock.Today, problems), cancellationToken));
}
