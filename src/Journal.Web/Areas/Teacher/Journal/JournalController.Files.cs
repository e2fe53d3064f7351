using Journal.Web.Files;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Web.Areas.Teacher.Journal;

/// <summary>JRN-7: the lesson page's homework files (AttachHomeworkFile, RemoveHomeworkFile).</summary>
public sealed partial class JournalController
{
    [HttpPost("lesson/{id:guid}/files")]
    [UploadForm]
    public async Task<IActionResult> AttachFiles(Guid id, [FromServices] LessonDetails.Handler lessons, CancellationToken cancellationToken)
    {
        var lesson = await lessons.Load(id, User.CurrentMembershipId(), clock.Today, tenant.Settings.LockDays, cancellationToken);
        if (lesson is null)
        {
            return NotFound();
        }

        var refused = await homeworkFiles.Attach(lesson, HttpContext.Uploads(), User.CurrentMembershipId(), cancellationToken);
        return refused.Count == 0 ? RedirectToFiles(lesson) : await FilesRefused(lessons, lesson, refused, cancellationToken);
    }

    [HttpPost("lesson/{id:guid}/files/{fileId:guid}/delete")]
    public async Task<IActionResult> RemoveFile(
        Guid id, Guid fileId, [FromServices] LessonDetails.Handler lessons, [FromServices] RemoveHomeworkFile.Handler remove,
        CancellationToken cancellationToken)
    {
        var lesson = await lessons.Load(id, User.CurrentMembershipId(), clock.Today, tenant.Settings.LockDays, cancellationToken);
        var outcome = lesson is null ? null : await remove.Remove(lesson, fileId, cancellationToken);
        return outcome switch
        {
            null or { Found: false } => NotFound(),
            { Refusal: { } refused } => await FilesRefused(lessons, lesson!, [refused], cancellationToken),
            _ => RedirectToFiles(lesson!),
        };
    }

    private RedirectResult RedirectToFiles(LessonDetails.Model lesson) =>
        Redirect($"/s/{tenant.SchoolSlug}/teacher/journal/lesson/{lesson.LessonId}#homework-files");

    private async Task<IActionResult> FilesRefused(
        LessonDetails.Handler lessons, LessonDetails.Model lesson, IReadOnlyList<string> refused, CancellationToken cancellationToken)
    {
        foreach (var message in refused)
        {
            // Grade 1 has no files section on the page: its refusal goes to the page's summary.
            ModelState.AddModelError(lesson.HomeworkAllowed ? "Files" : string.Empty, message);
        }

        return await LessonView(lessons, lesson, null, cancellationToken);
    }
}
