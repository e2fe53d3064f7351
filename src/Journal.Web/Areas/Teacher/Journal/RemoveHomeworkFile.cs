using Journal.Web.Data;
using Journal.Web.Files;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.Teacher.Journal;

/// <summary>JRN-7: taking a file off a lesson's homework; the file and its bytes go with it. Same lock as attaching.</summary>
public static class RemoveHomeworkFile
{
    public sealed record Outcome(bool Found, string? Refusal);

    public sealed class Handler(JournalDbContext db, FileStore store)
    {
        public async Task<Outcome> Remove(LessonDetails.Model lesson, Guid fileId, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(lesson);
            var link = await db.HomeworkFiles
                .SingleOrDefaultAsync(h => h.LessonId == lesson.LessonId && h.FileId == fileId, cancellationToken);
            if (link is null)
            {
                return new Outcome(false, null);
            }

            if (AttachHomeworkFile.Handler.Refusal(lesson) is { } refused)
            {
                return new Outcome(true, refused);
            }

            var file = await db.StoredFiles.SingleAsync(f => f.Id == fileId, cancellationToken);
            db.HomeworkFiles.Remove(link);
            store.Remove(file);
            await db.SaveChangesAsync(cancellationToken);
            return new Outcome(true, null);
        }
    }
}
