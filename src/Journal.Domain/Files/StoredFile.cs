namespace Journal.Domain.Files;

/// <summary>
/// An uploaded file's description (homework attachments, JRN-7; correction documents, LCK-2). Its bytes
/// are in <see cref="FileContent"/>, a separate row read only when the file is downloaded.
/// </summary>
public class StoredFile : SchoolEntity
{
    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Length { get; set; }

    /// <summary>Lower-case hex SHA-256 of the bytes.</summary>
    public required string Sha256 { get; set; }

    public Guid UploadedById { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>The bytes of a <see cref="StoredFile"/>.</summary>
public class FileContent : ISchoolOwned
{
    public Guid SchoolId { get; set; }

    public Guid FileId { get; set; }

    public required byte[] Bytes { get; set; }
}

/// <summary>A file attached to a lesson's homework (JRN-7).</summary>
public class HomeworkFile : ISchoolOwned
{
    public Guid SchoolId { get; set; }

    public Guid LessonId { get; set; }

    public Guid FileId { get; set; }
}
