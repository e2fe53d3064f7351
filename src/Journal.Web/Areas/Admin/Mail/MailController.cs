using FluentValidation;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Web.Areas.Admin.Mail;

/// <summary>DRY-5: the Admin sets the mail server e-mail notifications go through.</summary>
[Route("s/{school}/admin/mail")]
public sealed class MailController(TenantContext tenant, ChangeMailServer.Handler mail) : AdminAreaController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await mail.LoadAsync(TempData["Saved"] as string, cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Save(
        ChangeMailServer.Form form, [FromServices] IValidator<ChangeMailServer.Form> validator, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        validation.Errors.ForEach(e => ModelState.AddModelError(e.PropertyName, e.ErrorMessage));
        if (!ModelState.IsValid)
        {
            var stored = await mail.LoadAsync(null, cancellationToken);
            return View("Index", stored with { Form = form });
        }

        await mail.SaveAsync(form, cancellationToken);
        TempData["Saved"] = string.IsNullOrWhiteSpace(form.Host) ? "Почта отключена: уведомления только в журнале." : "Почтовый сервер сохранён.";
        return Redirect($"/s/{tenant.SchoolSlug}/admin/mail");
    }
}
