using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Web.Files;

/// <summary>
/// JRN-7: downloading a stored file, for any member of the school who may see what it is attached to
/// (<see cref="FileDownloads"/>); anyone else gets 404, as if it did not exist. Outside the role areas:
/// the diary, the journal and the Deputy's requests all link here.
/// </summary>
[Authorize]
[Route("s/{school}/files")]
public sealed class FilesController(FileDownloads downloads) : Controller
{
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Download(Guid id, CancellationToken cancellationToken)
    {
        var file = await downloads.OpenAsync(id, FileViewer.Of(User), cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        // Always a download, never shown in the page's origin; private: pupils' work stays out of shared caches.
        Response.Headers.CacheControl = "private, no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(file.Bytes, file.ContentType, file.FileName);
    }
}
