using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Features.Media;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Chatobuy.Inbox.Features.Interactive;

/// <summary>
/// <c>GET /media/interactive/{channelId}/{id}</c>: the header file a saved interactive message keeps, for the
/// builder's and the picker's previews (signed-in users, or an API key). Offered as a download unless it is an image
/// or a video.
/// </summary>
[ApiController]
[Authorize(AuthenticationSchemes = InboxExtensions.CookieOrApiKeyScheme)]
public sealed class InteractiveMediaController(InteractiveLibrary library, MediaStore store) : ControllerBase
{
    /// <summary>Where a saved message's header file is served from.</summary>
    public static string UrlOf(InteractiveMessage message) => $"/media/interactive/{message.ChannelId}/{message.Id}";

    [HttpGet("/media/interactive/{channelId}/{id:long}")]
    public async Task<IActionResult> GetAsync(string channelId, long id, CancellationToken cancellationToken)
    {
        var message = await library.GetAsync(channelId, id, cancellationToken);
        var path = message?.HeaderMediaPath is { } relative ? store.FullPath(relative) : null;
        if (message is null || path is null || !System.IO.File.Exists(path))
        {
            return NotFound(new MediaNotFound("This message has no header file."));
        }

        var mimeType = string.IsNullOrWhiteSpace(message.HeaderMediaMimeType) ? "application/octet-stream" : message.HeaderMediaMimeType.Split(';', 2)[0].Trim();
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        Response.Headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; sandbox";
        Response.Headers[HeaderNames.CacheControl] = "private, max-age=300";
        var inline = mimeType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) || mimeType.StartsWith("video/", StringComparison.OrdinalIgnoreCase);
        return inline && mimeType != "image/svg+xml"
            ? PhysicalFile(path, mimeType, enableRangeProcessing: true)
            : PhysicalFile(path, mimeType, message.HeaderMediaFileName ?? Path.GetFileName(path), enableRangeProcessing: true);
    }
}
