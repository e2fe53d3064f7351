using Journal.Domain.Schools;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Web.Areas.Teacher.Plans;

/// <summary>The plan page's model: the plan, the add-a-topic form as typed, and what went wrong, if anything.</summary>
public sealed record PlanPage(PlanDetails.Model Plan, EditTopic.Form AddForm, IReadOnlyList<string> Errors, bool Saved = false);

/// <summary>The topic edit page's model.</summary>
public sealed record TopicPage(PlanKey Key, Guid TopicId, int Position, int Count, EditTopic.Form Form, IReadOnlyList<string> Errors);

/// <summary>JRN-6: the teacher's КТП (calendar-thematic plans): list, plan page, Excel import and small edits.</summary>
[Route("s/{school}/teacher/plans")]
public sealed class PlansController(TenantContext tenant, SchoolClock clock, PlanDetails.Handler plans) : TeacherAreaController
{
    /// <summary>
    /// An upload is read whole (to disk beyond a small buffer) so that even a far too large file gets a
    /// Russian answer on the page rather than a broken connection; the plan's own limit is 2 MB.
    /// </summary>
    private const int UploadLimit = 100 * 1024 * 1024;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] PlanList.Handler list, CancellationToken cancellationToken) =>
        View(await list.Handle(User.CurrentMembershipId(), clock.Today, cancellationToken));

    [HttpGet("template")]
    public IActionResult Template() =>
        File(PlanWorkbook.Write("Шаблон КТП (календарно-тематического планирования)", []), PlanWorkbook.ContentType, "КТП-шаблон.xlsx");

    [HttpGet("{subjectId:guid}/{grade:int}")]
    public async Task<IActionResult> Plan(Guid subjectId, int grade, bool saved, CancellationToken cancellationToken) =>
        await KeyAsync(subjectId, grade, cancellationToken) is { } key
            ? await PlanView(key, new EditTopic.Form(), [], cancellationToken, saved)
            : NotFound();

    [HttpGet("{subjectId:guid}/{grade:int}/xlsx")]
    public async Task<IActionResult> Export(Guid subjectId, int grade, CancellationToken cancellationToken)
    {
        if (await KeyAsync(subjectId, grade, cancellationToken) is not { } key)
        {
            return NotFound();
        }

        var topics = key.PlanId is { } planId ? await plans.TopicsAsync(planId, cancellationToken) : [];
        var book = PlanWorkbook.Write($"КТП: {key.Title}, {key.YearName} учебный год", topics.Select(t => (t.Position, t.Title, t.Hours, t.Homework)));
        return File(book, PlanWorkbook.ContentType, $"КТП {key.Subject} {key.Grade} класс.xlsx");
    }

    [HttpPost("{subjectId:guid}/{grade:int}/import")]
    [RequestSizeLimit(UploadLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
    public async Task<IActionResult> Import(
        Guid subjectId, int grade, IFormFile? file, [FromServices] ImportPlan.Handler import, CancellationToken cancellationToken)
    {
        if (await KeyAsync(subjectId, grade, cancellationToken) is not { } key)
        {
            return NotFound();
        }

        var (preview, error) = key.YearClosed ? (null, ClosedYear) : await import.UploadAsync(key, file, cancellationToken);
        return preview is not null ? View("Preview", preview) : await PlanView(key, new EditTopic.Form(), [error!], cancellationToken);
    }

    [HttpPost("{subjectId:guid}/{grade:int}/save")]
    [RequestFormLimits(ValueCountLimit = 4 * ImportPlan.MaxRows + 16)]
    public async Task<IActionResult> Save(
        Guid subjectId, int grade, List<ImportPlan.Row>? rows, string? fileName, [FromServices] ImportPlan.Handler import,
        CancellationToken cancellationToken)
    {
        if (await KeyAsync(subjectId, grade, cancellationToken) is not { } key)
        {
            return NotFound();
        }

        var (invalid, error) = key.YearClosed ? (null, ClosedYear) : await import.SaveAsync(key, rows, fileName, User.CurrentMembershipId(), cancellationToken);
        return invalid is not null ? View("Preview", invalid)
            : error is not null ? await PlanView(key, new EditTopic.Form(), [error], cancellationToken)
            : Redirect($"{PlanUrl(key)}?saved=true");
    }

    [HttpPost("{subjectId:guid}/{grade:int}/topics")]
    public async Task<IActionResult> AddTopic(
        Guid subjectId, int grade, EditTopic.Form form, [FromServices] EditTopic.Handler edit, CancellationToken cancellationToken)
    {
        if (await KeyAsync(subjectId, grade, cancellationToken) is not { } key)
        {
            return NotFound();
        }

        var result = key.YearClosed ? new EditTopic.Result(true, [ClosedYear]) : await edit.AddAsync(key, form, User.CurrentMembershipId(), cancellationToken);
        return result.Errors.Count == 0 ? Redirect(PlanUrl(key)) : await PlanView(key, form, result.Errors, cancellationToken);
    }

    [HttpGet("{subjectId:guid}/{grade:int}/topics/{id:guid}")]
    public async Task<IActionResult> Topic(Guid subjectId, int grade, Guid id, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(subjectId, grade, cancellationToken);
        var topics = key?.PlanId is { } planId ? await plans.TopicsAsync(planId, cancellationToken) : [];
        return key is not null && topics.FirstOrDefault(t => t.Id == id) is { } topic
            ? View(new TopicPage(key, id, topic.Position, topics.Count, new EditTopic.Form
            {
                Title = topic.Title,
                Hours = topic.Hours.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Homework = topic.Homework,
                Position = topic.Position.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }, []))
            : NotFound();
    }

    [HttpPost("{subjectId:guid}/{grade:int}/topics/{id:guid}")]
    public async Task<IActionResult> UpdateTopic(
        Guid subjectId, int grade, Guid id, EditTopic.Form form, [FromServices] EditTopic.Handler edit, CancellationToken cancellationToken)
    {
        if (await KeyAsync(subjectId, grade, cancellationToken) is not { } key)
        {
            return NotFound();
        }

        var result = key.YearClosed ? new EditTopic.Result(true, [ClosedYear]) : await edit.UpdateAsync(key, id, form, User.CurrentMembershipId(), cancellationToken);
        if (!result.Found)
        {
            return NotFound();
        }

        var count = key.PlanId is { } planId ? (await plans.TopicsAsync(planId, cancellationToken)).Count : 0;
        return result.Errors.Count == 0 ? Redirect(PlanUrl(key)) : View("Topic", new TopicPage(key, id, 0, count, form, result.Errors));
    }

    [HttpPost("{subjectId:guid}/{grade:int}/topics/{id:guid}/delete")]
    public async Task<IActionResult> DeleteTopic(
        Guid subjectId, int grade, Guid id, [FromServices] EditTopic.Handler edit, CancellationToken cancellationToken)
    {
        if (await KeyAsync(subjectId, grade, cancellationToken) is not { } key)
        {
            return NotFound();
        }

        var result = key.YearClosed ? new EditTopic.Result(true, [ClosedYear]) : await edit.DeleteAsync(key, id, User.CurrentMembershipId(), cancellationToken);
        return !result.Found ? NotFound()
            : result.Errors.Count == 0 ? Redirect(PlanUrl(key))
            : await PlanView(key, new EditTopic.Form(), result.Errors, cancellationToken);
    }

    private const string ClosedYear = "Учебный год закрыт: КТП больше не меняется.";

    private Task<PlanKey?> KeyAsync(Guid subjectId, int grade, CancellationToken cancellationToken) =>
        plans.KeyAsync(subjectId, grade, User.CurrentMembershipId(), clock.Today, cancellationToken);

    private string PlanUrl(PlanKey key) => $"/s/{tenant.SchoolSlug}/teacher/plans/{key.SubjectId}/{key.Grade}";

    private async Task<IActionResult> PlanView(
        PlanKey key, EditTopic.Form form, IReadOnlyList<string> errors, CancellationToken cancellationToken, bool saved = false) =>
        View("Plan", new PlanPage(await plans.LoadAsync(key, clock.Today, cancellationToken), form, errors, saved));
}
