using FluentValidation;
using Journal.Web.Data;
using Journal.Web.Data.Queries;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Web.Areas.Deputy.Corrections;

public sealed record DecisionPage(DecideCorrection.Model Model, DecideCorrection.ApproveForm Approve, DecideCorrection.RejectForm Reject);

/// <summary>LCK-2: the Deputy's list of correction requests and the decision on one.</summary>
[Route("s/{school}/deputy/corrections")]
public sealed class CorrectionsController(TenantContext tenant, DecideCorrection.Handler decisions) : DeputyAreaController
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] JournalDbContext db, CancellationToken cancellationToken) =>
        View(await CorrectionRows.ListAsync(db, db.CorrectionRequests, 300, cancellationToken));

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken cancellationToken)
    {
        var model = await decisions.Load(id, cancellationToken);
        return model is null
            ? NotFound()
            : View(new DecisionPage(model, new DecideCorrection.ApproveForm { Value = model.Request.RequestedValue }, new()));
    }

    [HttpPost("{id:guid}/approve")]
    public async Task<IActionResult> Approve(
        Guid id, DecideCorrection.ApproveForm form, [FromServices] IValidator<DecideCorrection.ApproveForm> validator,
        CancellationToken cancellationToken) =>
        await Decide(id, form, new(), validator.Validate(form), () =>
            decisions.Approve(id, form, User.CurrentMembershipId(), tenant.Settings, cancellationToken), "одобрена, исправление внесено", cancellationToken);

    [HttpPost("{id:guid}/reject")]
    public async Task<IActionResult> Reject(
        Guid id, DecideCorrection.RejectForm form, [FromServices] IValidator<DecideCorrection.RejectForm> validator,
        CancellationToken cancellationToken) =>
        await Decide(id, null, form, validator.Validate(form), () =>
            decisions.Reject(id, form, User.CurrentMembershipId(), cancellationToken), "отклонена", cancellationToken);

    private async Task<IActionResult> Decide(
        Guid id, DecideCorrection.ApproveForm? approve, DecideCorrection.RejectForm reject,
        FluentValidation.Results.ValidationResult validation, Func<Task<string?>> decide, string done,
        CancellationToken cancellationToken)
    {
        var model = await decisions.Load(id, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        validation.Errors.ForEach(e => ModelState.AddModelError(e.PropertyName, e.ErrorMessage));
        if (validation.IsValid && await decide() is { } error)
        {
            ModelState.AddModelError("", error);
        }

        if (!ModelState.IsValid)
        {
            return View("Show", new DecisionPage(
                model, approve ?? new DecideCorrection.ApproveForm { Value = model.Request.RequestedValue }, reject));
        }

        TempData["Saved"] = $"Заявка № {model.Request.Number} {done}.";
        return Redirect($"/s/{tenant.SchoolSlug}/deputy/corrections");
    }
}
