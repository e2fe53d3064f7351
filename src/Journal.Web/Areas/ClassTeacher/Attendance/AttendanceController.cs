using FluentValidation;
using Journal.Domain.Schools;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Web.Areas.ClassTeacher.Attendance;

/// <summary>The week page keeps the period form as typed when it is refused.</summary>
public sealed record WeekPage(AttendanceWeek.Model Week, CorrectAbsenceReasons.PeriodForm Form, int? Changed);

public sealed record PupilPage(PupilAbsences.Model Absences, CorrectAbsenceReasons.PeriodForm Form, int? Changed);

/// <summary>The period form: with the class's pupils to choose from on the week page, for one pupil on the pupil's.</summary>
public sealed record PeriodFormView(CorrectAbsenceReasons.PeriodForm Form, IReadOnlyList<PeriodFormView.PupilOption>? Pupils, int LockDays)
{
    public sealed record PupilOption(Guid Id, string Name);
}

[Route("s/{school}/classteacher/attendance")]
public sealed class AttendanceController(
    TenantContext tenant, SchoolClock clock, AttendanceWeek.Handler weeks, PupilAbsences.Handler pupils,
    CorrectAbsenceReasons.Handler correct) : ClassTeacherAreaController
{
    /// <summary>The ModelState key the correction forms show their errors under.</summary>
    public const string FormErrors = "Correction";

    [HttpGet("")]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "class")] Guid? classId, string? week, int? changed, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || Monday(week) is not { } monday)
        {
            return NotFound();
        }

        return await WeekView(classId, monday, null, changed, cancellationToken);
    }

    [HttpGet("pupil/{id:guid}")]
    public async Task<IActionResult> Pupil(
        Guid id, [FromQuery(Name = "class")] Guid? classId, string? week, int? changed, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || classId is not { } @class || Monday(week) is not { } monday)
        {
            return NotFound();
        }

        return await PupilView(@class, id, monday, null, changed, cancellationToken);
    }

    /// <summary>Chosen absences with new kinds, from the pupil's page.</summary>
    [HttpPost("pupil/{id:guid}")]
    public async Task<IActionResult> Correct(
        Guid id, CorrectAbsenceReasons.Form form, [FromServices] IValidator<CorrectAbsenceReasons.Form> validator,
        CancellationToken cancellationToken)
    {
        form.Pupil = id;
        var monday = Monday(form.Week) ?? SchoolClock.WeekStart(clock.Today);
        var result = await CorrectAsync(
            await validator.ValidateAsync(form, cancellationToken), () => CorrectAbsenceReasons.Command.From(form), cancellationToken);
        return result switch
        {
            { Found: false } => NotFound(),
            { Error: null } => Redirect(PupilUrl(form.Class, id, monday, result.Changed)),
            _ => await PupilView(form.Class, id, monday, null, null, cancellationToken),
        };
    }

    /// <summary>One reason for all a pupil's absences over some days (a medical note), from either page.</summary>
    [HttpPost("period")]
    public async Task<IActionResult> CorrectPeriod(
        CorrectAbsenceReasons.PeriodForm form, [FromServices] IValidator<CorrectAbsenceReasons.PeriodForm> validator,
        CancellationToken cancellationToken)
    {
        var monday = Monday(form.Week) ?? SchoolClock.WeekStart(clock.Today);
        var toPupil = form.Back == "pupil";
        var result = await CorrectAsync(
            await validator.ValidateAsync(form, cancellationToken), () => CorrectAbsenceReasons.Command.From(form), cancellationToken);
        return result switch
        {
            { Found: false } => NotFound(),
            { Error: null } when toPupil => Redirect(PupilUrl(form.Class, form.Pupil, monday, result.Changed)),
            { Error: null } => Redirect(WeekUrl(form.Class, monday, result.Changed)),
            _ when toPupil => await PupilView(form.Class, form.Pupil, monday, form, null, cancellationToken),
            _ => await WeekView(form.Class, monday, form, null, cancellationToken),
        };
    }

    /// <summary>
    /// Validates, then corrects; the form's errors (the validator's, or the handler's refusal) go to
    /// ModelState. Binding errors are dropped: the validator says the same in Russian.
    /// </summary>
    private async Task<CorrectAbsenceReasons.Result> CorrectAsync(
        FluentValidation.Results.ValidationResult validation, Func<CorrectAbsenceReasons.Command> command,
        CancellationToken cancellationToken)
    {
        ModelState.Clear();
        validation.Errors.ForEach(e => ModelState.AddModelError(FormErrors, e.ErrorMessage));
        var result = validation.IsValid
            ? await correct.Handle(command(), User.CurrentMembershipId(), tenant.Settings, cancellationToken)
            : CorrectAbsenceReasons.Result.Refused("");
        if (result.Error is { Length: > 0 } error)
        {
            ModelState.AddModelError(FormErrors, error);
        }

        return result;
    }

    private async Task<IActionResult> WeekView(
        Guid? classId, DateOnly monday, CorrectAbsenceReasons.PeriodForm? form, int? changed, CancellationToken cancellationToken)
    {
        var model = await weeks.Handle(
            new AttendanceWeek.Query(classId, monday, User.CurrentMembershipId(), clock.Today, tenant.Settings.LockDays), cancellationToken);
        return model is null
            ? NotFound()
            : View("Index", new WeekPage(model, form ?? PeriodDefaults(model.Class.Id, null, monday), changed));
    }

    private async Task<IActionResult> PupilView(
        Guid classId, Guid pupilId, DateOnly monday, CorrectAbsenceReasons.PeriodForm? form, int? changed,
        CancellationToken cancellationToken)
    {
        var model = await pupils.Handle(
            new PupilAbsences.Query(classId, pupilId, monday, User.CurrentMembershipId(), clock.Today, tenant.Settings.LockDays),
            cancellationToken);
        return model is null
            ? NotFound()
            : View("Pupil", new PupilPage(model, form ?? PeriodDefaults(classId, pupilId, monday), changed));
    }

    /// <summary>The Monday of the week asked for (any date of it will do); this week when none; null when unreadable.</summary>
    private DateOnly? Monday(string? week) =>
        string.IsNullOrEmpty(week) ? SchoolClock.WeekStart(clock.Today)
        : AttendanceView.TryParseDate(week, out var date) ? SchoolClock.WeekStart(date)
        : null;

    /// <summary>The period form starts as the week's days up to today.</summary>
    private CorrectAbsenceReasons.PeriodForm PeriodDefaults(Guid classId, Guid? pupilId, DateOnly monday)
    {
        var saturday = monday.AddDays(5);
        var today = clock.Today;
        return new CorrectAbsenceReasons.PeriodForm
        {
            Class = classId,
            Pupil = pupilId ?? Guid.Empty,
            From = AttendanceView.WeekParameter(monday),
            To = AttendanceView.WeekParameter(saturday < today ? saturday : today < monday ? monday : today),
            Kind = "б",
            Week = AttendanceView.WeekParameter(monday),
            Back = pupilId is null ? "week" : "pupil",
        };
    }

    private string WeekUrl(Guid classId, DateOnly monday, int changed) =>
        $"/s/{tenant.SchoolSlug}/classteacher/attendance?class={classId}&week={AttendanceView.WeekParameter(monday)}&changed={changed}";

    private string PupilUrl(Guid classId, Guid pupilId, DateOnly monday, int changed) =>
        $"/s/{tenant.SchoolSlug}/classteacher/attendance/pupil/{pupilId}?class={classId}&week={AttendanceView.WeekParameter(monday)}&changed={changed}";
}
