using System.IO.Compression;
using System.Text;

namespace Journal.Web.Files;

/// <summary>An accepted kind of file: its extensions, the content type it is served with, and a check of its bytes.</summary>
public sealed record FileType(string Name, string ContentType, IReadOnlyList<string> Extensions, Func<byte[], bool> Matches);

/// <summary>
/// JRN-7, SEC-3: what a school sends as homework — documents, tables, presentations, scans and
/// photos. A file is accepted when its extension is on this list AND its first bytes are what that
/// extension promises, so a renamed program or page is refused. Nothing that a browser would run
/// is accepted (no .html, .svg, .js, executables), and no archives (.zip could carry anything).
/// </summary>
public static class FileTypes
{
    private const string Ooxml = "application/vnd.openxmlformats-officedocument.";
    private const string Odf = "application/vnd.oasis.opendocument.";

    public static IReadOnlyList<FileType> All { get; } =
    [
        new("PDF", "application/pdf", [".pdf"], IsPdf),
        new("Word", "application/msword", [".doc"], IsCompoundDocument),
        new("Word", Ooxml + "wordprocessingml.document", [".docx"], bytes => IsOfficeOpenXml(bytes, "word/")),
        new("Excel", "application/vnd.ms-excel", [".xls"], IsCompoundDocument),
        new("Excel", Ooxml + "spreadsheetml.sheet", [".xlsx"], bytes => IsOfficeOpenXml(bytes, "xl/")),
        new("PowerPoint", "application/vnd.ms-powerpoint", [".ppt"], IsCompoundDocument),
        new("PowerPoint", Ooxml + "presentationml.presentation", [".pptx"], bytes => IsOfficeOpenXml(bytes, "ppt/")),
        new("OpenDocument", Odf + "text", [".odt"], bytes => IsOpenDocument(bytes, Odf + "text")),
        new("OpenDocument", Odf + "spreadsheet", [".ods"], bytes => IsOpenDocument(bytes, Odf + "spreadsheet")),
        new("OpenDocument", Odf + "presentation", [".odp"], bytes => IsOpenDocument(bytes, Odf + "presentation")),
        new("RTF", "application/rtf", [".rtf"], bytes => StartsWith(bytes, "{\\rtf"u8)),
        new("TXT", "text/plain", [".txt"], IsPlainText),
        new("DjVu", "image/vnd.djvu", [".djvu", ".djv"], bytes => StartsWith(bytes, "AT&TFORM"u8)),
        new("JPEG", "image/jpeg", [".jpg", ".jpeg"], bytes => StartsWith(bytes, [0xFF, 0xD8, 0xFF])),
        new("PNG", "image/png", [".png"], bytes => StartsWith(bytes, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])),
        new("GIF", "image/gif", [".gif"], bytes => StartsWith(bytes, "GIF87a"u8) || StartsWith(bytes, "GIF89a"u8)),
    ];

    /// <summary>For the page and the refusal: «PDF, Word, Excel, …».</summary>
    public static string Names { get; } = string.Join(", ", All.Select(t => t.Name).Distinct());

    /// <summary>The file input's accept attribute: «.pdf,.doc,…».</summary>
    public static string Accept { get; } = string.Join(",", All.SelectMany(t => t.Extensions));

    public static FileType? ByExtension(string extension) =>
        All.FirstOrDefault(t => t.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));

    private static bool StartsWith(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> prefix) => bytes.StartsWith(prefix);

    /// <summary>The PDF header may follow a little junk, which readers accept (within the first 1024 bytes).</summary>
    private static bool IsPdf(byte[] bytes) => bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) >= 0;

    /// <summary>.doc, .xls and .ppt are OLE2 compound documents.</summary>
    private static bool IsCompoundDocument(byte[] bytes) => StartsWith(bytes, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    /// <summary>A zip whose parts name the application: [Content_Types].xml and a «word/», «xl/» or «ppt/» part.</summary>
    private static bool IsOfficeOpenXml(byte[] bytes, string folder) => ReadZip(bytes, zip =>
        zip.GetEntry("[Content_Types].xml") is not null
        && zip.Entries.Any(e => e.FullName.StartsWith(folder, StringComparison.Ordinal)));

    /// <summary>An OpenDocument zip names its kind in its «mimetype» entry.</summary>
    private static bool IsOpenDocument(byte[] bytes, string mimeType) => ReadZip(bytes, zip =>
    {
        if (zip.GetEntry("mimetype") is not { Length: < 100 } entry)
        {
            return false;
        }

        using var reader = new StreamReader(entry.Open(), Encoding.ASCII);
        return reader.ReadToEnd().Trim() == mimeType;
    });

    /// <summary>Only the zip's directory (and a tiny «mimetype») is read: nothing is unpacked, so size bombs do no harm.</summary>
    private static bool ReadZip(byte[] bytes, Func<ZipArchive, bool> check)
    {
        if (!StartsWith(bytes, [0x50, 0x4B, 0x03, 0x04]))
        {
            return false;
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            return check(zip);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>
    /// Text in any 8-bit or UTF encoding a school uses (UTF-8, Windows-1251): no NUL and no control
    /// characters but tab, line breaks and form feed. Programs and images fail this at once.
    /// </summary>
    private static bool IsPlainText(byte[] bytes)
    {
        var start = StartsWith(bytes, [0xEF, 0xBB, 0xBF]) ? 3 : 0;
        foreach (var b in bytes.AsSpan(start))
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C) || b == 0x7F)
            {
                return false;
            }
        }

        return true;
    }
}
