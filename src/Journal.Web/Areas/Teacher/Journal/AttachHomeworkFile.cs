using Journal.Domain.Files;
using Journal.Web.Data;
using Journal.Web.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Journal.Web.Areas.Teacher.Journal;

/// <summary>
/// JRN-7: files attached to a lesson's homework, which pupils and parents download. Not in grade 1 (no
/// homework, JRN-4), not on a locked lesson (LCK-1, like the homework text), not on a lesson marked
/// «без задания»; at most <see cref="FileSettings.MaxFilesPerHomework"/>. All the files of one upload are
/// accepted together or none is.
/// </summary>
public static class AttachHomeworkFile
{
    public sealed record FileRow(Guid Id, string Name, long Length)
    {
        public string Size => FileSize.Text(Length);
    }

    public sealed class Handler(JournalDbContext db, FileStore store, UploadValidator validator, IOptions<FileSettings> options)
    {
        private readonly FileSettings _settings = options.Value;

        public int MaxFiles => _settings.MaxFilesPerHomework;

        public Task<List<FileRow>> ListAsync(Guid lessonId, CancellationToken cancellationToken) =>
            (from h in db.HomeworkFiles.AsNoTracking()
             where h.LessonId == lessonId
             join f in db.StoredFiles on h.FileId equals f.Id
             orderby f.UploadedAt, f.Id
             select new FileRow(f.Id, f.FileName, f.Length))
            .ToListAsync(cancellationToken);

        /// <summary>Attaches the uploaded files; returns what was refused (Russian), empty when all were attached.</summary>
        public async Task<IReadOnlyList<string>> Attach(
            LessonDetails.Model lesson, UploadBatch upload, Guid uploadedById, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(lesson);
            ArgumentNullException.ThrowIfNull(upload);
            if (Refusal(lesson) is { } refused)
            {
                return [refused];
            }

            if (lesson.NoHomework)
            {
                return ["Урок отмечен «без задания». Чтобы приложить файлы, снимите отметку и сохраните урок."];
            }

            if (upload.Problems.Count > 0)
            {
                return upload.Problems;
            }

            if (upload.Files.Count == 0)
            {
                return ["Выберите файл."];
            }

            var attached = await db.HomeworkFiles.CountAsync(h => h.LessonId == lesson.LessonId, cancellationToken);
            if (attached + upload.Files.Count > MaxFiles)
            {
                return [$"К заданию можно приложить не больше {MaxFiles} файлов: уже приложено {attached}, выбрано ещё {upload.Files.Count}."];
            }

            var checks = new List<UploadCheck>();
            foreach (var file in upload.Files)
            {
                checks.Add(await validator.CheckAsync(file, cancellationToken));
            }

            if (checks.Where(c => c.Problem is not null).Select(c => c.Problem!).ToList() is { Count: > 0 } problems)
            {
                return problems;
            }

            foreach (var check in checks)
            {
                var stored = store.Add(check.File!, uploadedById);
                db.HomeworkFiles.Add(new HomeworkFile { LessonId = lesson.LessonId, FileId = stored.Id });
            }

            await db.SaveChangesAsync(cancellationToken);
            return [];
        }

        /// <summary>Why this lesson's files can't change now, or null. Shared with <see cref="RemoveHomeworkFile"/>.</summary>
        internal static string? Refusal(LessonDetails.Model lesson) =>
            lesson.LockReason
            ?? (lesson.HomeworkAllowed ? null : "В 1 классе домашние задания не задаются: файлы к ним не прикладываются.");
    }
}
