using System.Text;
using Journal.Web.Controllers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Journal.Web.Files;

/// <summary>The files of an upload request and what was refused while reading it (Russian messages).</summary>
public sealed class UploadBatch
{
    public List<IFormFile> Files { get; } = [];

    /// <summary>Too large, too many, unreadable: the feature refuses the whole request when any is present.</summary>
    public List<string> Problems { get; } = [];
}

public static class UploadBatchExtensions
{
    /// <summary>What <see cref="UploadFormAttribute"/> read; empty when the request carried no multipart form.</summary>
    public static UploadBatch Uploads(this HttpContext context) => context.Features.Get<UploadBatch>() ?? new UploadBatch();
}

/// <summary>
/// Marks an action that takes files. The multipart body is read here, before anti-forgery validation
/// reads the form, within <see cref="FileSettings"/> (settings, not attribute constants): a file over
/// the size limit is drained without being kept, so the browser always gets the page back with a
/// Russian refusal instead of a reset connection, a 400 from the anti-forgery check or a 500.
/// </summary>
public sealed class UploadFormAttribute : TypeFilterAttribute
{
    public UploadFormAttribute()
        : base(typeof(UploadFormFilter)) =>
        Order = 900; // before AutoValidateAntiforgeryToken (1000), which reads the form
}

internal sealed class UploadFormFilter(IOptions<FileSettings> options, IModelMetadataProvider metadata) : IAsyncAuthorizationFilter
{
    private const int MaxFields = 20;
    // A message's 10 000 characters (MSG-1) are up to 20 000 bytes of UTF-8 Cyrillic, more with CRLF line breaks.
    private const int MaxFieldBytes = 64 * 1024;

    private readonly FileSettings _settings = options.Value;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return; // not an upload: the ordinary form reader with its own limits applies
        }

        if (http.Request.ContentLength > _settings.MaxRequestBytes)
        {
            // Nothing is read, not even the anti-forgery token, so the form's page can't be answered:
            // a Russian page says what to do instead. The browser may still be sending and miss it.
            context.Result = TooLargePage();
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = _settings.MaxRequestBytes;
        }

        var fields = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        var batch = new UploadBatch();
        try
        {
            await ReadAsync(new MultipartReader(boundary, http.Request.Body), fields, batch, http.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A body without a declared length that grew over the limit.
            context.Result = TooLargePage();
            return;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            batch.Problems.Add("Файлы не удалось получить: передача прервалась или запрос повреждён. Попробуйте ещё раз.");
        }

        var files = new FormFileCollection();
        files.AddRange(batch.Files);
        // Anti-forgery and model binding read this form; the body is not read twice.
        http.Features.Set<IFormFeature>(new FormFeature(new FormCollection(fields, files)));
        http.Features.Set(batch);
    }

    private ViewResult TooLargePage() => new()
    {
        ViewName = "/Views/Error/Status.cshtml",
        StatusCode = StatusCodes.Status413PayloadTooLarge,
        ViewData = new ViewDataDictionary<StatusModel>(metadata, new ModelStateDictionary())
        {
            Model = new StatusModel(
                StatusCodes.Status413PayloadTooLarge,
                "Файлы слишком большие",
                $"За один раз можно отправить не больше {FileSize.Text(_settings.MaxRequestBytes)}, " +
                $"каждый файл — не больше {FileSize.Text(_settings.MaxFileBytes)}. Файлы не приняты: " +
                "вернитесь на предыдущую страницу и выберите файлы поменьше."),
        },
    };

    private async Task ReadAsync(
        MultipartReader reader, Dictionary<string, StringValues> fields, UploadBatch batch, CancellationToken cancellationToken)
    {
        var extraFiles = 0;
        var buffer = new byte[81920];
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException("A multipart section without form-data disposition.");
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (!disposition.IsFileDisposition())
            {
                var value = await ReadAtMostAsync(section.Body, MaxFieldBytes, buffer, cancellationToken);
                if (value is null || fields.Count >= MaxFields)
                {
                    throw new InvalidDataException("Form fields over the limit.");
                }

                fields[name] = StringValues.Concat(fields.GetValueOrDefault(name), Encoding.UTF8.GetString(value.ToArray()));
                continue;
            }

            var fileName = HeaderUtilities.RemoveQuotes(
                StringSegment.IsNullOrEmpty(disposition.FileNameStar) ? disposition.FileName : disposition.FileNameStar).Value ?? "";
            var keep = batch.Files.Count < _settings.MaxFilesPerRequest;
            var (content, length) = await ReadFileAsync(section.Body, keep ? _settings.MaxFileBytes : 0, buffer, cancellationToken);
            if (fileName.Length == 0 && length == 0)
            {
                continue; // a file input left empty
            }

            var shown = FileNames.Clean(fileName, _settings.MaxFileNameLength);
            if (!keep)
            {
                extraFiles++;
            }
            else if (content is null)
            {
                batch.Problems.Add(UploadValidator.TooLarge(shown, length, _settings.MaxFileBytes));
            }
            else
            {
                content.Position = 0;
                batch.Files.Add(new FormFile(content, 0, length, name, fileName)
                {
                    Headers = new HeaderDictionary(section.Headers),
                });
            }
        }

        if (extraFiles > 0)
        {
            batch.Problems.Add($"За один раз можно отправить не больше {_settings.MaxFilesPerRequest} файлов, " +
                               $"отправлено {_settings.MaxFilesPerRequest + extraFiles}.");
        }
    }

    /// <summary>Reads a section to its end; keeps the bytes only while within <paramref name="limit"/>.</summary>
    private static async Task<(MemoryStream? Content, long Length)> ReadFileAsync(
        Stream body, long limit, byte[] buffer, CancellationToken cancellationToken)
    {
        var content = limit > 0 ? new MemoryStream() : null;
        long length = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            length += read;
            if (content is not null && length > limit)
            {
                await content.DisposeAsync();
                content = null;
            }

            content?.Write(buffer, 0, read);
        }

        return (limit > 0 ? content : null, length);
    }

    private static async Task<MemoryStream?> ReadAtMostAsync(Stream body, int limit, byte[] buffer, CancellationToken cancellationToken)
    {
        var (content, length) = await ReadFileAsync(body, limit, buffer, cancellationToken);
        return length <= limit ? content ?? new MemoryStream() : null;
    }
}
