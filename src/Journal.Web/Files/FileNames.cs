using System.Globalization;
using System.Text;

namespace Journal.Web.Files;

/// <summary>
/// An uploaded file's name made safe to store and to offer back: no folders, no control or
/// direction-changing characters (U+202E turns «fdp.exe» into «exe.pdf» on screen), none of the
/// characters Windows forbids in names, not too long. Cyrillic and other letters stay as typed.
/// </summary>
public static class FileNames
{
    private const string Fallback = "файл";

    public static string Clean(string? raw, int maxLength)
    {
        // Old browsers send the whole path «C:\Users\…\задание.docx».
        var name = (raw ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Normalize(NormalizationForm.FormC);

        var clean = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                    or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned:
                    continue;
                case UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator:
                    if (clean.Length > 0 && clean[^1] != ' ')
                    {
                        clean.Append(' ');
                    }

                    continue;
            }

            clean.Append(rune.IsAscii && "<>:\"/\\|?*".Contains((char)rune.Value, StringComparison.Ordinal) ? "_" : rune.ToString());
        }

        // Leading dots make hidden files; trailing dots and spaces are dropped by Windows.
        name = clean.ToString().Trim(' ', '.');
        var extension = Path.GetExtension(name);
        if (extension.Length > 16)
        {
            extension = "";
        }

        var stem = name[..^extension.Length].TrimEnd(' ', '.');
        if (stem.Length == 0)
        {
            stem = Fallback;
        }

        return Cut(stem, Math.Max(1, maxLength - extension.Length)) + extension;
    }

    /// <summary>Cuts at a whole character (never half of a surrogate pair or a letter with its accent).</summary>
    private static string Cut(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var info = new StringInfo(text);
        var length = 0;
        for (var i = 0; i < info.LengthInTextElements; i++)
        {
            var element = StringInfo.GetNextTextElementLength(text, length);
            if (length + element > maxLength)
            {
                break;
            }

            length += element;
        }

        return text[..length].TrimEnd(' ', '.');
    }
}
