using System.Security.Cryptography;
using Journal.Domain.Files;
using Journal.Web.Data;

namespace Journal.Web.Files;

/// <summary>
/// Puts accepted files into the caller's unit of work: the description (<see cref="StoredFile"/>) and
/// the bytes (<see cref="FileContent"/>) are written by the caller's one SaveChanges together with
/// whatever the file is attached to, so a failure leaves neither half.
/// </summary>
public sealed class FileStore(JournalDbContext db, TimeProvider time)
{
    public StoredFile Add(AcceptedFile file, Guid uploadedById)
    {
        ArgumentNullException.ThrowIfNull(file);
        var stored = new StoredFile
        {
            FileName = file.FileName,
            ContentType = file.ContentType,
            Length = file.Bytes.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Bytes)),
            UploadedById = uploadedById,
            UploadedAt = time.GetUtcNow(),
        };
        db.StoredFiles.Add(stored);
        db.FileContents.Add(new FileContent { FileId = stored.Id, Bytes = file.Bytes });
        return stored;
    }

    /// <summary>Marks a file and its bytes for deletion (the bytes are not read); the caller saves.</summary>
    public void Remove(StoredFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        db.FileContents.Remove(new FileContent { SchoolId = file.SchoolId, FileId = file.Id, Bytes = [] });
        db.StoredFiles.Remove(file);
    }
}
