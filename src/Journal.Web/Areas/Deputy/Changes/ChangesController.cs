using Journal.Domain.Schools;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Web.Areas.Deputy.Changes;

[Route("s/{school}/deputy/changes")]
public sealed class ChangesController(SchoolClock clock) : DeputyAreaController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "class")] Guid? classId, Guid? period, [FromServices] ChangeTable.Handler table,
        CancellationToken cancellationToken)
    {
        var model = await table.Handle(new ChangeTable.Query(classId, period, clock.Today), cancellationToken);
        ViewData["Zone"] = clock.Zone;
        return model is null ? NotFound() : View(model);
    }
}
