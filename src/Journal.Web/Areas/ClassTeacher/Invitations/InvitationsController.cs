using Journal.Domain.People;
using Journal.Domain.Schools;
using Journal.Web.Areas.ClassTeacher.Attendance;
using Journal.Web.Data;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.ClassTeacher.Invitations;

/// <summary>AUTH-2: the class teacher's invitation codes for the class: the list, issuing, renewing, and slips to print.</summary>
public sealed class InvitationsController(
    JournalDbContext db, SchoolClock clock, TimeProvider time, TenantContext tenant, InvitationList.Handler list, IssueCodes.Handler issue)
    : ClassTeacherAreaController
{
    public sealed record ClassOption(Guid Id, string Name);

    public sealed record Model(IReadOnlyList<ClassOption> Classes, ClassOption Class, InvitationList.Model List, TimeZoneInfo Zone);

    public async Task<IActionResult> Index([FromQuery(Name = "class")] Guid? classId, CancellationToken cancellationToken) =>
        await PageAsync(classId, "Index", cancellationToken);

    public async Task<IActionResult> Print([FromQuery(Name = "class")] Guid? classId, CancellationToken cancellationToken) =>
        await PageAsync(classId, "Print", cancellationToken);

    [HttpPost]
    public async Task<IActionResult> Create([FromQuery(Name = "class")] Guid? classId, CancellationToken cancellationToken)
    {
        var (_, chosen) = await ClassAsync(classId, cancellationToken);
        if (chosen is null)
        {
            return NotFound();
        }

        var made = await issue.CreateMissing(Issuer(chosen), cancellationToken);
        TempData["Status"] = made == 0 ? "Новых кодов не понадобилось." : $"Создано кодов: {made}.";
        return Redirect(PageUrl(chosen));
    }

    [HttpPost]
    public async Task<IActionResult> Renew(
        [FromQuery(Name = "class")] Guid? classId, Guid pupil, InvitationRole role, CancellationToken cancellationToken)
    {
        var (_, chosen) = await ClassAsync(classId, cancellationToken);
        if (chosen is null || !await issue.Renew(Issuer(chosen), pupil, role, cancellationToken))
        {
            return NotFound();
        }

        TempData["Status"] = "Выдан новый код; прежний больше не действует.";
        return Redirect(PageUrl(chosen));
    }

    private async Task<IActionResult> PageAsync(Guid? classId, string view, CancellationToken cancellationToken)
    {
        var (classes, chosen) = await ClassAsync(classId, cancellationToken);
        if (chosen is null)
        {
            return NotFound(); // not this teacher's class, another school's, or no class led this year
        }

        var model = await list.Handle(new InvitationList.Query(chosen.Id, clock.Today, time.GetUtcNow()), cancellationToken);
        return View(view, new Model(classes, chosen, model, clock.Zone));
    }

    private IssueCodes.Issuer Issuer(ClassOption chosen) => new(
        chosen.Id, User.CurrentMembershipId(), tenant.SchoolSlug!, tenant.Settings.InvitationDays, clock.Today, time.GetUtcNow());

    private string PageUrl(ClassOption chosen) => $"/s/{tenant.SchoolSlug}/classteacher/invitations?class={chosen.Id}";

    private async Task<(List<ClassOption> Classes, ClassOption? Chosen)> ClassAsync(Guid? classId, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return ([], null);
        }

        var classes = await LedClasses.Of(db, User.CurrentMembershipId()).AsNoTracking()
            .OrderBy(c => c.Grade).ThenBy(c => c.Letter)
            .Select(c => new ClassOption(c.Id, c.Grade + c.Letter))
            .ToListAsync(cancellationToken);
        return (classes, classId is { } id ? classes.SingleOrDefault(c => c.Id == id) : classes.FirstOrDefault());
    }
}
