using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Inbox;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Chatobuy.Inbox.Features.Media;

/// <summary>
/// <c>GET /media/{messageId}</c>: a downloaded media file with its MIME type, for signed-in users (the sign-in
/// cookie) and for integrators (<c>Authorization: Bearer &lt;API key&gt;</c>). 404 until the file is downloaded.
/// </summary>
[ApiController]
[Authorize(AuthenticationSchemes = InboxExtensions.CookieOrApiKeyScheme)]
public sealed class MediaController(IDbContextFactory<InboxDbContext> dbFactory, MediaStore store) : ControllerBase
{
    public const string NotDownloadedMessage = "Media not found or not downloaded yet";

    // Types a browser may show inline; anything else is offered as a download so it cannot run on our origin.
    private static readonly string[] InlinePrefixes = ["image/", "audio/", "video/"];

    [HttpGet("/media/{messageId:long}")]
    public async Task<IActionResult> GetAsync(long messageId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var media = await db.Messages.AsNoTracking()
            .Where(m => m.Id == messageId && m.MediaState == MediaState.Downloaded && m.MediaPath != null)
            .Select(m => new { m.MediaPath, m.MediaMimeType, m.MediaFileName })
            .FirstOrDefaultAsync(cancellationToken);
        var path = media is null ? null : store.FullPath(media.MediaPath!);
        if (media is null || path is null || !System.IO.File.Exists(path))
        {
            return NotFound(new MediaNotFound(NotDownloadedMessage));
        }

        var mimeType = string.IsNullOrWhiteSpace(media.MediaMimeType) ? "application/octet-stream" : media.MediaMimeType.Split(';', 2)[0].Trim();
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        Response.Headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; sandbox";
        Response.Headers[HeaderNames.CacheControl] = "private, max-age=86400";
        var inline = InlinePrefixes.Any(p => mimeType.StartsWith(p, StringComparison.OrdinalIgnoreCase)) && mimeType != "image/svg+xml";
        return inline
            ? PhysicalFile(path, mimeType, enableRangeProcessing: true)
            : PhysicalFile(path, mimeType, media.MediaFileName ?? Path.GetFileName(path), enableRangeProcessing: true);
    }
}
