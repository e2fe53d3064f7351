using FluentValidation;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Web.Announcements;

public sealed record AnnouncementsPage(
    PublishAnnouncement.Rights Rights, List<PublishAnnouncement.Item> Items, PublishAnnouncement.Form Form, string? Saved);

/// <summary>DRY-3: publishing and removing announcements, for the Admin, the Deputy and class teachers.</summary>
[Authorize]
[Route("s/{school}/announcements")]
public sealed class AnnouncementsController(TenantContext tenant, PublishAnnouncement.Handler announcements) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var rights = await announcements.RightsAsync(User.CurrentMembershipId(), User.SchoolRoles(), cancellationToken);
        return rights.Any ? await PageAsync(rights, new(), TempData["Saved"] as string, cancellationToken) : Forbid();
    }

    [HttpPost("")]
    public async Task<IActionResult> Publish(
        PublishAnnouncement.Form form, [FromServices] IValidator<PublishAnnouncement.Form> validator, CancellationToken cancellationToken)
    {
        var me = User.CurrentMembershipId();
        var rights = await announcements.RightsAsync(me, User.SchoolRoles(), cancellationToken);
        if (!rights.Any)
        {
            return Forbid();
        }

        var validation = await validator.ValidateAsync(form, cancellationToken);
        validation.Errors.ForEach(e => ModelState.AddModelError(e.PropertyName, e.ErrorMessage));
        if (ModelState.IsValid && await announcements.PublishAsync(form, me, rights, cancellationToken) is { } refused)
        {
            ModelState.AddModelError("", refused);
        }

        if (!ModelState.IsValid)
        {
            return await PageAsync(rights, form, null, cancellationToken);
        }

        TempData["Saved"] = "Объявление опубликовано.";
        return Redirect($"/s/{tenant.SchoolSlug}/announcements");
    }

    [HttpPost("{id:guid}/delete")]
    public async Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken)
    {
        var me = User.CurrentMembershipId();
        var rights = await announcements.RightsAsync(me, User.SchoolRoles(), cancellationToken);
        if (!rights.Any)
        {
            return Forbid();
        }

        if (!await announcements.DeleteAsync(id, me, rights, cancellationToken))
        {
            return NotFound();
        }

        TempData["Saved"] = "Объявление снято.";
        return Redirect($"/s/{tenant.SchoolSlug}/announcements");
    }

    private async Task<IActionResult> PageAsync(
        PublishAnnouncement.Rights rights, PublishAnnouncement.Form form, string? saved, CancellationToken cancellationToken) =>
        View("~/Announcements/Index.cshtml", new AnnouncementsPage(
            rights, await announcements.ListAsync(User.CurrentMembershipId(), rights, cancellationToken), form, saved));
}
