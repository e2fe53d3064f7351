using System.Globalization;

namespace Journal.Web.Files;

/// <summary>A file's size as a Russian reader expects it: «840 КБ», «2,4 МБ».</summary>
public static class FileSize
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>Kilobytes rounded up, as the file manager shows them: a 81-byte file is «1 КБ».</summary>
    public static string Text(long bytes) => bytes switch
    {
        < 1024 * 1024 => string.Create(Russian, $"{Math.Ceiling(bytes / 1024.0):0} КБ"),
        _ => string.Create(Russian, $"{bytes / (1024.0 * 1024.0):0.#} МБ"),
    };
}
