using Journal.Domain.Schools;
using Journal.Web.Attestation;
using Journal.Web.Data;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.Teacher.PeriodMarks;

/// <summary>GRD-4: the subject teacher sets the period, year, exam and final marks of their own journal.</summary>
[Route("s/{school}/teacher/journal/{id:guid}/marks")]
public sealed class PeriodMarksController(
    TenantContext tenant, SchoolClock clock, JournalDbContext db, AttestationSheet.Handler sheets) : TeacherAreaController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid id, Guid? period, bool year, int? saved, CancellationToken cancellationToken)
    {
        var sheet = await LoadAsync(id, period, year, cancellationToken);
        return sheet is null
            ? NotFound()
            : View(new AttestationPage(sheet, SheetUrl(id), saved, CorrectionUrl: $"/s/{tenant.SchoolSlug}/teacher/corrections/period-mark?assignment={id}"));
    }

    [HttpPost("")]
    public async Task<IActionResult> Set(
        Guid id, Guid? period, bool year, SetAttestationMarks.Form form, [FromServices] SetAttestationMarks.Handler set,
        CancellationToken cancellationToken)
    {
        var sheet = await LoadAsync(id, period, year, cancellationToken);
        if (sheet is null)
        {
            return NotFound();
        }

        var result = await set.Submit(sheet, form, User.CurrentMembershipId(), tenant.Settings.AllowMarkOne, cancellationToken);
        var page = new AttestationPage(sheet, SheetUrl(id));
        return result.Succeeded
            ? Redirect($"{page.Url}{page.Query}&saved={result.Saved}")
            : View("Index", page with { Result = result, Typed = form.Accept is null ? form.Marks : null });
    }

    private string SheetUrl(Guid assignmentId) => $"/s/{tenant.SchoolSlug}/teacher/journal/{assignmentId}/marks";

    /// <summary>Only the journal's own teacher: a substitute fills lessons, not period marks.</summary>
    private async Task<AttestationSheet.Model?> LoadAsync(Guid assignmentId, Guid? period, bool year, CancellationToken cancellationToken)
    {
        var me = User.CurrentMembershipId();
        var assignment = await db.TeachingAssignments.AsNoTracking()
            .Where(a => a.Id == assignmentId && a.TeacherId == me)
            .Select(a => new AttestationSheet.Scope(a.ClassId, a.SubjectId, a.SubgroupId))
            .SingleOrDefaultAsync(cancellationToken);
        return assignment is null
            ? null
            : await sheets.Handle(new AttestationSheet.Query(assignment, period, year, clock.Today, tenant.Settings), cancellationToken);
    }
}
