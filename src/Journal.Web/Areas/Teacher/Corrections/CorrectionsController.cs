using FluentValidation;
using Journal.Web.Data;
using Journal.Web.Data.Queries;
using Journal.Web.Files;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Web.Areas.Teacher.Corrections;

public sealed record NewCorrectionPage(FileCorrection.Model Lesson, FileCorrection.Form Form);

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
}
