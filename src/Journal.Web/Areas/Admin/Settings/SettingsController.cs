using FluentValidation;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Web.Areas.Admin.Settings;

/// <summary>GRD-2, GRD-3, DL-3, LCK-1: the Admin sets the school's grading rules; every feature reads them through the tenant.</summary>
[Route("s/{school}/admin/settings")]
public sealed class SettingsController(TenantContext tenant, ChangeGradingSettings.Handler settings) : AdminAreaController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await settings.LoadAsync(cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Save(
        ChangeGradingSettings.Form form, [FromServices] IValidator<ChangeGradingSettings.Form> validator,
        CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        validation.Errors.ForEach(e => ModelState.AddModelError(e.PropertyName, e.ErrorMessage));
        if (!ModelState.IsValid)
        {
            return View("Index", await settings.RetypeAsync(form, cancellationToken));
        }

        await settings.SaveAsync(form, cancellationToken);
        TempData["Saved"] = "Настройки сохранены.";
        return Redirect($"/s/{tenant.SchoolSlug}/admin/settings");
    }
}
