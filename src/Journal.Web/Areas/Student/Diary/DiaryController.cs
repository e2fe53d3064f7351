using Journal.Domain.Schools;
using Journal.Web.Data;
using Journal.Web.Diary;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.Student.Diary;

/// <summary>DRY-1, DRY-2: the pupil's own diary: the week and one subject's marks of a period. Nobody else's.</summary>
[Route("s/{school}/student/diary")]
public sealed class DiaryController(
    JournalDbContext db, SchoolClock clock, TenantContext tenant, DiaryWeek.Handler week, DiarySubject.Handler subject)
    : StudentAreaController
{
    public sealed record WeekPage(string Name, DiaryLinks Links, DiaryWeek.Model Week);

    public sealed record SubjectPage(string Name, DiaryLinks Links, DiarySubject.Model Subject);

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "week")] string? weekOf, CancellationToken cancellationToken)
    {
        if (!DiaryView.TryParseWeek(weekOf, clock.Today, out var monday) || await MeAsync(cancellationToken) is not { } me)
        {
            return NotFound();
        }

        var model = await week.Handle(new DiaryWeek.Query(me.Id, monday, clock.Today), cancellationToken);
        return View(new WeekPage(me.Name, Links, model));
    }

    [HttpGet("subject/{subjectId:guid}")]
    public async Task<IActionResult> Subject(Guid subjectId, [FromQuery(Name = "period")] Guid? periodId, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || await MeAsync(cancellationToken) is not { } me)
        {
            return NotFound();
        }

        var model = await subject.Handle(
            new DiarySubject.Query(me.Id, subjectId, periodId, clock.Today, tenant.Settings.Grading), cancellationToken);
        return model is null ? NotFound() : View(new SubjectPage(me.Name, Links, model));
    }

    private DiaryLinks Links => new($"/s/{tenant.SchoolSlug}/student/diary", null);

    private sealed record Me(Guid Id, string Name);

    private Task<Me?> MeAsync(CancellationToken cancellationToken)
    {
        var me = User.CurrentMembershipId();
        return db.Pupils.AsNoTracking().Where(p => p.MembershipId == me)
            .Select(p => new Me(p.Id, p.LastName + " " + p.FirstName))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
