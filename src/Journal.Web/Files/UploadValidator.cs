using Microsoft.Extensions.Options;

namespace Journal.Web.Files;

/// <summary>A file that passed the checks: a clean name, the content type of its detected kind, its bytes.</summary>
public sealed record AcceptedFile(string FileName, string ContentType, byte[] Bytes);

/// <summary>One file's verdict: accepted, or why not (Russian, naming the file).</summary>
public sealed record UploadCheck(AcceptedFile? File, string? Problem);

/// <summary>
/// SEC-3 for files: size, kind by extension and by content, a clean name. Shared by every feature that
/// takes files (homework JRN-7, correction documents LCK-2); what a file is attached to is the caller's rule.
/// </summary>
public sealed class UploadValidator(IOptions<FileSettings> options)
{
    private readonly FileSettings _settings = options.Value;

    public async Task<UploadCheck> CheckAsync(IFormFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var name = FileNames.Clean(file.FileName, _settings.MaxFileNameLength);
        if (FileTypes.ByExtension(Path.GetExtension(name)) is not { } type)
        {
            return Refuse($"«{name}»: такие файлы не принимаются. Можно приложить {FileTypes.Names}.");
        }

        if (file.Length == 0)
        {
            return Refuse($"«{name}»: файл пустой.");
        }

        if (file.Length > _settings.MaxFileBytes)
        {
            return Refuse(TooLarge(name, file.Length, _settings.MaxFileBytes));
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, cancellationToken);
        }

        return type.Matches(bytes)
            ? new UploadCheck(new AcceptedFile(name, type.ContentType, bytes), null)
            : Refuse($"«{name}»: содержимое файла не {type.Name}. Файл повреждён или переименован: сохраните его заново как {type.Name}.");
    }

    public static string TooLarge(string name, long length, long limit) =>
        $"«{name}»: {FileSize.Text(length)} — больше допустимых {FileSize.Text(limit)}. Уменьшите файл или разделите его на части.";

    private static UploadCheck Refuse(string problem) => new(null, problem);
}
