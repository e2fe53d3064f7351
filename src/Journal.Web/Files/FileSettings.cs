namespace Journal.Web.Files;

/// <summary>Upload limits (JRN-7, SEC-3), configuration section «Files»; the defaults are the school's usual ones.</summary>
public sealed class FileSettings
{
    public const string Section = "Files";

    /// <summary>Largest accepted file.</summary>
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Files attached to one lesson's homework.</summary>
    public int MaxFilesPerHomework { get; set; } = 5;

    /// <summary>Files kept from one request; more are counted and refused without being held in memory.</summary>
    public int MaxFilesPerRequest { get; set; } = 5;

    /// <summary>
    /// A request body up to this size is read to its end, so the browser gets the page with a precise
    /// refusal (a 50 MB file is drained, not stored); beyond it Kestrel stops reading (413) and the
    /// answer is best effort, as the browser may still be sending.
    /// </summary>
    public long MaxRequestBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Stored names are cut to this many characters, the extension kept.</summary>
    public int MaxFileNameLength { get; set; } = 150;
}
