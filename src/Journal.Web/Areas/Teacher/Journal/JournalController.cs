using FluentValidation;
using Journal.Domain.Schools;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Journal.Web.Entries;

namespace Journal.Web.Areas.Teacher.Journal;

/// <summary>The lesson page's model: the lesson and the form as typed.</summary>
public sealed record LessonPage(
    LessonDetails.Model Lesson, LessonDetails.Form Form, IReadOnlyList<AddWork.WorkRow> Works, IReadOnlyList<AddWork.KindOption> Kinds,
    IReadOnlyList<AttachHomeworkFile.FileRow> Files, LessonDetails.PlanChoice? Plan = null);

[Route("s/{school}/teacher/journal")]
public sealed partial class JournalController(
    TenantContext tenant, SchoolClock clock, AddWork.Handler works, AttachHomeworkFile.Handler homeworkFiles) : TeacherAreaController
{
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Index(
        Guid id, Guid? period, [FromServices] JournalGrid.Handler grid, CancellationToken cancellationToken)
    {
        var model = await grid.Handle(
            new JournalGrid.Query(id, period, User.CurrentMembershipId(), clock.Today, tenant.Settings.LockDays),
            cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpGet("lesson/{id:guid}")]
    public async Task<IActionResult> Lesson(Guid id, [FromServices] LessonDetails.Handler lessons, CancellationToken cancellationToken)
    {
        var lesson = await lessons.Load(id, User.CurrentMembershipId(), clock.Today, tenant.Settings.LockDays, cancellationToken);
        return lesson is null ? NotFound() : await LessonView(lessons, lesson, null, cancellationToken);
    }

    [HttpPost("lesson/{id:guid}/works")]
    public async Task<IActionResult> AddWork(
        Guid id, AddWork.Form form, [FromServices] LessonDetails.Handler lessons,
        [FromServices] IValidator<AddWork.Form> validator, CancellationToken cancellationToken)
    {
        var lesson = await lessons.Load(id, User.CurrentMembershipId(), clock.Today, tenant.Settings.LockDays, cancellationToken);
        if (lesson is null)
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(form, cancellationToken);
        validation.Errors.ForEach(e => ModelState.AddModelError("Work", e.ErrorMessage));
        if (validation.IsValid && await works.Add(lesson, form, cancellationToken) is { } refused)
        {
            ModelState.AddModelError("Work", refused);
        }

        return ModelState.IsValid
            ? Redirect($"/s/{tenant.SchoolSlug}/teacher/journal/lesson/{lesson.LessonId}")
            : await LessonView(lessons, lesson, null, cancellationToken);
    }

    /// <summary>The lesson page; without a form as typed, the form as the lesson stands (JRN-6: or the КТП proposes).</summary>
    private async Task<IActionResult> LessonView(
        LessonDetails.Handler lessons, LessonDetails.Model lesson, LessonDetails.Form? form, CancellationToken cancellationToken)
    {
        var plan = await lessons.PlanAsync(lesson, cancellationToken);
        return View("Lesson", new LessonPage(
            lesson, form ?? LessonDetails.Form.For(lesson, plan), await works.WorksAsync(lesson.LessonId, cancellationToken),
            await works.KindsAsync(cancellationToken), await homeworkFiles.ListAsync(lesson.LessonId, cancellationToken), plan));
    }

    [HttpPost("lesson/{id:guid}")]
    public async Task<IActionResult> Lesson(
        Guid id, LessonDetails.Form form, [FromServices] LessonDetails.Handler lessons,
        [FromServices] IValidator<LessonDetails.Form> validator, CancellationToken cancellationToken)
    {
        var lesson = await lessons.Load(id, User.CurrentMembershipId(), clock.Today, tenant.Settings.LockDays, cancellationToken);
        if (lesson is null)
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(form, cancellationToken);
        validation.Errors.ForEach(e => ModelState.AddModelError(e.PropertyName, e.ErrorMessage));
        if (ModelState.IsValid && await lessons.Save(lesson, form, tenant.Settings.EntryDeadline, cancellationToken) is { } refused)
        {
            ModelState.AddModelError(string.Empty, refused);
        }

        return ModelState.IsValid
            ? Redirect($"/s/{tenant.SchoolSlug}/teacher/journal/{lesson.AssignmentId}?saved={lesson.LessonId}")
            : await LessonView(lessons, lesson, form, cancellationToken);
    }

    /// <summary>JSON, called by the grid for each cell; anti-forgery token in the X-CSRF-TOKEN header.</summary>
    [HttpPost("cell")]
    public async Task<IActionResult> Save(
        [FromBody] SaveCell.Command? command, [FromServices] SaveCell.Handler save,
        [FromServices] IValidator<SaveCell.Command> validator, CancellationToken cancellationToken)
    {
        if (command is null)
        {
            return BadRequest(new { error = "Запрос не распознан." });
        }

        var validation = await validator.ValidateAsync(command, cancellationToken);
        if (!validation.IsValid)
        {
            return BadRequest(new { error = validation.Errors[0].ErrorMessage });
        }

        var result = await save.Handle(command, User.CurrentMembershipId(), tenant.Settings, cancellationToken);
        return result switch
        {
            { Found: false } => NotFound(new { error = result.Error }),
            { Error: { } error } => UnprocessableEntity(new { error }),
            _ => Ok(new { value = result.Value, workId = result.WorkId }),
        };
    }
}
