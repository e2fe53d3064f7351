using Journal.Domain.Schools;
using Journal.Web.Attestation;
using Journal.Web.Data;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.ClassTeacher.PeriodMarks;

/// <summary>The class teacher sets period marks in every subject of their class (seed 000 §4.5).</summary>
[Route("s/{school}/classteacher/marks")]
public sealed class PeriodMarksController(
    TenantContext tenant, SchoolClock clock, JournalDbContext db, AttestationSheet.Handler sheets) : ClassTeacherAreaController
{
    public sealed record SubjectLink(Guid ClassId, string ClassName, Guid SubjectId, string Subject);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var me = User.CurrentMembershipId();
        var subjects = await (
                from c in db.Classes.AsNoTracking()
                where c.ClassTeacherId == me && !db.AcademicYears.Any(y => y.Id == c.AcademicYearId && y.IsClosed)
                join a in db.TeachingAssignments on c.Id equals a.ClassId
                join s in db.Subjects on a.SubjectId equals s.Id
                select new { c.Id, c.Grade, c.Letter, SubjectId = s.Id, s.Name })
            .Distinct()
            .ToListAsync(cancellationToken);
        return View(subjects
            .OrderBy(s => s.Grade).ThenBy(s => s.Letter).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => new SubjectLink(s.Id, s.Grade + s.Letter, s.SubjectId, s.Name))
            .ToList());
    }

    [HttpGet("{classId:guid}/{subjectId:guid}")]
    public async Task<IActionResult> Sheet(
        Guid classId, Guid subjectId, Guid? period, bool year, int? saved, CancellationToken cancellationToken)
    {
        var sheet = await LoadAsync(classId, subjectId, period, year, cancellationToken);
        return sheet is null ? NotFound() : View(new AttestationPage(sheet, SheetUrl(classId, subjectId), saved));
    }

    [HttpPost("{classId:guid}/{subjectId:guid}")]
    public async Task<IActionResult> Set(
        Guid classId, Guid subjectId, Guid? period, bool year, SetAttestationMarks.Form form,
        [FromServices] SetAttestationMarks.Handler set, CancellationToken cancellationToken)
    {
        var sheet = await LoadAsync(classId, subjectId, period, year, cancellationToken);
        if (sheet is null)
        {
            return NotFound();
        }

        var result = await set.Submit(sheet, form, User.CurrentMembershipId(), tenant.Settings.AllowMarkOne, cancellationToken);
        var page = new AttestationPage(sheet, SheetUrl(classId, subjectId));
        return result.Succeeded
            ? Redirect($"{page.Url}{page.Query}&saved={result.Saved}")
            : View("Sheet", page with { Result = result, Typed = form.Accept is null ? form.Marks : null });
    }

    private string SheetUrl(Guid classId, Guid subjectId) => $"/s/{tenant.SchoolSlug}/classteacher/marks/{classId}/{subjectId}";

    /// <summary>Only the class teacher's own class, of a year not closed, and a subject taught in it.</summary>
    private async Task<AttestationSheet.Model?> LoadAsync(
        Guid classId, Guid subjectId, Guid? period, bool year, CancellationToken cancellationToken)
    {
        var me = User.CurrentMembershipId();
        var mine = await db.Classes.AsNoTracking().AnyAsync(
            c => c.Id == classId && c.ClassTeacherId == me
                 && !db.AcademicYears.Any(y => y.Id == c.AcademicYearId && y.IsClosed)
                 && db.TeachingAssignments.Any(a => a.ClassId == c.Id && a.SubjectId == subjectId),
            cancellationToken);
        return mine
            ? await sheets.Handle(
                new AttestationSheet.Query(new AttestationSheet.Scope(classId, subjectId, null), period, year, clock.Today, tenant.Settings),
                cancellationToken)
            : null;
    }
}
