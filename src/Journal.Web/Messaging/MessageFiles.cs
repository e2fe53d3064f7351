using Journal.Domain.Communication;
using Journal.Web.Data;
using Journal.Web.Files;
using Microsoft.Extensions.Options;

namespace Journal.Web.Messaging;

/// <summary>The files of an upload, checked together: all accepted, or the Russian reasons why not.</summary>
public sealed record CheckedFiles(IReadOnlyList<AcceptedFile> Files, IReadOnlyList<string> Refusals);

/// <summary>
/// MSG-1: a message's attachments through the files module, with the homework limits (JRN-7: size, count, kinds checked
/// by content). All the files of a message are accepted together or none is. The download rule is in
/// <see cref="FileDownloads"/>: the conversation's members only.
/// </summary>
public sealed class MessageFiles(JournalDbContext db, FileStore store, UploadValidator validator, IOptions<FileSettings> options)
{
    public int MaxFiles => options.Value.MaxFilesPerHomework;

    public long MaxFileBytes => options.Value.MaxFileBytes;

    public async Task<CheckedFiles> CheckAsync(UploadBatch upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (upload.Problems.Count > 0)
        {
            return new CheckedFiles([], upload.Problems);
        }

        if (upload.Files.Count > MaxFiles)
        {
            return new CheckedFiles([], [$"К сообщению можно приложить не больше {MaxFiles} файлов, выбрано {upload.Files.Count}."]);
        }

        var accepted = new List<AcceptedFile>();
        var refusals = new List<string>();
        foreach (var file in upload.Files)
        {
            var check = await validator.CheckAsync(file, cancellationToken);
            if (check.File is { } ok)
            {
                accepted.Add(ok);
            }
            else
            {
                refusals.Add(check.Problem!);
            }
        }

        return refusals.Count > 0 ? new CheckedFiles([], refusals) : new CheckedFiles(accepted, []);
    }

    /// <summary>
    /// Stores the files for this message in the caller's unit of work. A file belongs to one message (the unique index of
    /// message_files), so a class mailing stores a copy per family.
    /// </summary>
    public void Attach(Message message, IReadOnlyList<AcceptedFile> files, Guid uploadedById)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(files);
        foreach (var file in files)
        {
            var stored = store.Add(file, uploadedById);
            db.MessageFiles.Add(new MessageFile { MessageId = message.Id, FileId = stored.Id });
        }
    }
}
