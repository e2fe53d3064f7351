using Journal.Domain.Schools;
using Journal.Web.Data;
using Journal.Web.Data.Queries;
using Journal.Web.Diary;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.Parent.Diary;

/// <summary>
/// DRY-1, DRY-2: a child's diary, the week and one subject's marks of a period; only the parent's own children, with a
/// switcher, and links to the diaries of children in the deployment's other schools.
/// </summary>
[Route("s/{school}/parent/diary")]
public sealed class DiaryController(
    JournalDbContext db, SchoolClock clock, TenantContext tenant, DiaryWeek.Handler week, DiarySubject.Handler subject)
    : ParentAreaController
{
    public sealed record Child(Guid Id, string Name);

    public sealed record Family(IReadOnlyList<Child> Children, Child Child, IReadOnlyList<MySchools.Item> OtherSchools);

    public sealed record WeekPage(Family Family, DiaryLinks Links, DiaryWeek.Model Week);

    public sealed record SubjectPage(Family Family, DiaryLinks Links, DiarySubject.Model Subject);

    [HttpGet("")]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "pupil")] Guid? pupilId, [FromQuery(Name = "week")] string? weekOf, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || !DiaryView.TryParseWeek(weekOf, clock.Today, out var monday)
            || await FamilyAsync(pupilId, cancellationToken) is not { } family)
        {
            return NotFound();
        }

        var model = await week.Handle(new DiaryWeek.Query(family.Child.Id, monday, clock.Today), cancellationToken);
        return View(new WeekPage(family, Links(family.Child.Id), model));
    }

    [HttpGet("subject/{subjectId:guid}")]
    public async Task<IActionResult> Subject(
        Guid subjectId, [FromQuery(Name = "pupil")] Guid? pupilId, [FromQuery(Name = "period")] Guid? periodId,
        CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || await FamilyAsync(pupilId, cancellationToken) is not { } family)
        {
            return NotFound();
        }

        var model = await subject.Handle(
            new DiarySubject.Query(family.Child.Id, subjectId, periodId, clock.Today, tenant.Settings.Grading), cancellationToken);
        return model is null ? NotFound() : View(new SubjectPage(family, Links(family.Child.Id), model));
    }

    private DiaryLinks Links(Guid child) => new($"/s/{tenant.SchoolSlug}/parent/diary", child);

    /// <summary>DRY-2: the parent's children here; another family's child, or another school's, is simply not found.</summary>
    private async Task<Family?> FamilyAsync(Guid? pupilId, CancellationToken cancellationToken)
    {
        var me = User.CurrentMembershipId();
        var children = await (
                from link in db.ParentLinks.AsNoTracking()
                where link.ParentId == me
                join p in db.Pupils on link.PupilId equals p.Id
                orderby p.FirstName, p.LastName
                select new Child(p.Id, p.LastName + " " + p.FirstName))
            .ToListAsync(cancellationToken);
        var child = pupilId is { } id ? children.SingleOrDefault(c => c.Id == id) : children.FirstOrDefault();
        if (child is null)
        {
            return null;
        }

        var others = (await MySchools.ForUserAsync(db, tenant.UserId!.Value, cancellationToken))
            .Where(s => s.Slug != tenant.SchoolSlug).ToList();
        return new Family(children, child, others);
    }
}
