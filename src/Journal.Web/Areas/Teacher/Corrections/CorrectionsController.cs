using FluentValidation;
using Journal.Domain.Attestation;
using Journal.Domain.Schools;
using Journal.Web.Attestation;
using Journal.Web.Data;
using Journal.Web.Data.Queries;
using Journal.Web.Files;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.Teacher.Corrections;

public sealed record NewCorrectionPage(FileCorrection.Model Lesson, FileCorrection.Form Form);

public sealed record PeriodMarkCorrectionPage(FilePeriodMarkCorrection.Model Mark, FilePeriodMarkCorrection.Form Form, string Url);

/// <summary>LCK-2, the teacher's side: file a correction request for a locked cell, follow its fate.</summary>
[Route("s/{school}/teacher/corrections")]
public sealed class CorrectionsController(TenantContext tenant, FileCorrection.Handler corrections) : TeacherAreaController
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] JournalDbContext db, CancellationToken cancellationToken)
    {
        var me = User.CurrentMembershipId();
        return View(await CorrectionRows.ListAsync(db, db.CorrectionRequests.Where(r => r.RequestedById == me), 200, cancellationToken));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(Guid lesson, Guid? pupil, Guid? work, CancellationToken cancellationToken)
    {
        var model = await corrections.Load(lesson, User.CurrentMembershipId(), tenant.Settings.LockDays, cancellationToken);
        return model is null
            ? NotFound()
            : View(new NewCorrectionPage(model, new FileCorrection.Form { PupilId = pupil ?? Guid.Empty, WorkId = work }));
    }

    [HttpPost("new")]
    [UploadForm]
    public async Task<IActionResult> New(
        Guid lesson, FileCorrection.Form form, [FromServices] IValidator<FileCorrection.Form> validator,
        CancellationToken cancellationToken)
    {
        var me = User.CurrentMembershipId();
        var model = await corrections.Load(lesson, me, tenant.Settings.LockDays, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(form, cancellationToken);
        validation.Errors.ForEach(e => ModelState.AddModelError(e.PropertyName, e.ErrorMessage));
        if (validation.IsValid)
        {
            var (number, error) = await corrections.File(model, form, HttpContext.Uploads(), me, tenant.Settings, cancellationToken);
            if (error is null)
            {
                TempData["Saved"] = $"Заявка № {number} отправлена заместителю директора.";
                return Redirect($"/s/{tenant.SchoolSlug}/teacher/corrections");
            }

            ModelState.AddModelError("", error);
        }

        return View(new NewCorrectionPage(model, form));
    }

    [HttpGet("period-mark")]
    public async Task<IActionResult> PeriodMark(
        Guid assignment, Guid? period, bool year, Guid pupil, AttestationKind kind, [FromServices] JournalDbContext db,
        [FromServices] AttestationSheet.Handler sheets, [FromServices] SchoolClock clock, CancellationToken cancellationToken)
    {
        var model = await LoadMarkAsync(db, sheets, clock, assignment, period, year, pupil, kind, cancellationToken);
        return model is null ? NotFound() : View(new PeriodMarkCorrectionPage(model, new(), Request.Path + Request.QueryString));
    }

    [HttpPost("period-mark")]
    [UploadForm]
    public async Task<IActionResult> PeriodMark(
        Guid assignment, Guid? period, bool year, Guid pupil, AttestationKind kind, FilePeriodMarkCorrection.Form form,
        [FromServices] JournalDbContext db, [FromServices] AttestationSheet.Handler sheets, [FromServices] SchoolClock clock,
        [FromServices] IValidator<FilePeriodMarkCorrection.Form> validator, [FromServices] FilePeriodMarkCorrection.Handler file,
        CancellationToken cancellationToken)
    {
        var model = await LoadMarkAsync(db, sheets, clock, assignment, period, year, pupil, kind, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(form, cancellationToken);
        validation.Errors.ForEach(e => ModelState.AddModelError(e.PropertyName, e.ErrorMessage));
        if (validation.IsValid)
        {
            var (number, error) = await file.File(
                model, form, HttpContext.Uploads(), User.CurrentMembershipId(), tenant.Settings.AllowMarkOne, cancellationToken);
            if (error is null)
            {
                TempData["Saved"] = $"Заявка № {number} отправлена заместителю директора.";
                return Redirect($"/s/{tenant.SchoolSlug}/teacher/corrections");
            }

            ModelState.AddModelError("", error);
        }

        return View(new PeriodMarkCorrectionPage(model, form, Request.Path + Request.QueryString));
    }

    /// <summary>The mark of a pupil on the journal's sheet; only the journal's own teacher, only a kind the sheet has.</summary>
    private async Task<FilePeriodMarkCorrection.Model?> LoadMarkAsync(
        JournalDbContext db, AttestationSheet.Handler sheets, SchoolClock clock, Guid assignment, Guid? period, bool year, Guid pupil,
        AttestationKind kind, CancellationToken cancellationToken)
    {
        var me = User.CurrentMembershipId();
        var scope = await db.TeachingAssignments.AsNoTracking()
            .Where(a => a.Id == assignment && a.TeacherId == me)
            .Select(a => new AttestationSheet.Scope(a.ClassId, a.SubjectId, a.SubgroupId))
            .SingleOrDefaultAsync(cancellationToken);
        var sheet = scope is null
            ? null
            : await sheets.Handle(new AttestationSheet.Query(scope, period, year, clock.Today, tenant.Settings), cancellationToken);
        var row = sheet?.Rows.FirstOrDefault(r => r.PupilId == pupil);
        return sheet is null || row is null || !sheet.Columns.Contains(kind)
            ? null
            : new FilePeriodMarkCorrection.Model(assignment, sheet, row, kind);
    }
}
