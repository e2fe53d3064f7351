using FluentValidation;
using Journal.Domain.Schools;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Web.Areas.Teacher.Journal;

[Route("s/{school}/teacher/journal")]
public sealed class JournalController(TenantContext tenant, SchoolClock clock) : TeacherAreaController
{
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Index(
        Guid id, Guid? period, [FromServices] JournalGrid.Handler grid, CancellationToken cancellationToken)
    {
        var model = await grid.Handle(
            new JournalGrid.Query(id, period, User.CurrentMembershipId(), clock.Today, tenant.Settings.LockDays),
            cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    /// <summary>JSON, called by the grid for each cell; anti-forgery token in the X-CSRF-TOKEN header.</summary>
    [HttpPost("cell")]
    public async Task<IActionResult> Save(
        [FromBody] SaveCell.Command? command, [FromServices] SaveCell.Handler save,
        [FromServices] IValidator<SaveCell.Command> validator, CancellationToken cancellationToken)
    {
        if (command is null)
        {
            return BadRequest(new { error = "Запрос не распознан." });
        }

        var validation = await validator.ValidateAsync(command, cancellationToken);
        if (!validation.IsValid)
        {
            return BadRequest(new { error = validation.Errors[0].ErrorMessage });
        }

        var result = await save.Handle(command, User.CurrentMembershipId(), tenant.Settings, cancellationToken);
        return result switch
        {
            { Found: false } => NotFound(new { error = result.Error }),
            { Error: { } error } => UnprocessableEntity(new { error }),
            _ => Ok(new { value = result.Value, workId = result.WorkId }),
        };
    }
}
