using Chatobuy.Inbox.Features.Channels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Features.Webhooks;

/// <summary>
/// Meta's webhook callback: per channel (<c>/webhooks/whatsapp/{channelId}</c>) or app-level
/// (<c>/webhooks/whatsapp</c>, for one Meta app serving several numbers). GET is the verification handshake
/// (reference §7.1); POST carries signed events, routed by <c>metadata.phone_number_id</c> whatever URL they came to.
/// </summary>
[ApiController]
[AllowAnonymous]
[Route("webhooks/whatsapp")]
public sealed class WebhooksController(
    ChannelService channels,
    AppWebhookSettings appSettings,
    WebhookIngestion ingestion,
    IOptions<WebhookOptions> options,
    ILogger<WebhooksController> logger) : ControllerBase
{
    /// <summary>Answers <c>hub.challenge</c> as plain text when the mode is subscribe and the verify token is the channel's; 403 otherwise.</summary>
    [HttpGet("{channelId}")]
    public async Task<IActionResult> VerifyAsync(
        string channelId,
        [FromQuery(Name = "hub.mode")] string? mode,
        [FromQuery(Name = "hub.verify_token")] string? verifyToken,
        [FromQuery(Name = "hub.challenge")] string? challenge,
        CancellationToken cancellationToken)
    {
        if (mode == "subscribe" && challenge is not null && await channels.VerifyWebhookAsync(channelId, verifyToken, cancellationToken))
        {
            logger.LogInformation("Webhook verification handshake accepted for channel {ChannelId}", channelId);
            return Content(challenge, "text/plain");
        }

        logger.LogWarning("Webhook verification handshake refused for channel {ChannelId}", channelId);
        return StatusCode(StatusCodes.Status403Forbidden);
    }

    /// <summary>The app-level handshake, against the app-level Verify Token.</summary>
    [HttpGet("")]
    public IActionResult VerifyApp(
        [FromQuery(Name = "hub.mode")] string? mode,
        [FromQuery(Name = "hub.verify_token")] string? verifyToken,
        [FromQuery(Name = "hub.challenge")] string? challenge)
    {
        if (mode == "subscribe" && challenge is not null && verifyToken is not null
            && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(verifyToken), System.Text.Encoding.UTF8.GetBytes(appSettings.VerifyToken)))
        {
            logger.LogInformation("App-level webhook verification handshake accepted");
            return Content(challenge, "text/plain");
        }

        logger.LogWarning("App-level webhook verification handshake refused");
        return StatusCode(StatusCodes.Status403Forbidden);
    }

    [HttpPost("{channelId}")]
    [DisableRequestSizeLimit]
    public Task<IActionResult> ReceiveForChannelAsync(string channelId, CancellationToken cancellationToken) =>
        ReceiveAsync(channelId, cancellationToken);

    [HttpPost("")]
    [DisableRequestSizeLimit]
    public Task<IActionResult> ReceiveAsync(CancellationToken cancellationToken) => ReceiveAsync(null, cancellationToken);

    private async Task<IActionResult> ReceiveAsync(string? channelId, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxBodyBytes;
        if (Request.ContentLength > limit)
        {
            return StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        // The raw bytes, read once: the signature is over exactly these.
        using var buffer = new MemoryStream(Request.ContentLength is { } length and > 0 ? (int)length : 16 * 1024);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return StatusCode(StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        var result = await ingestion.IngestAsync(buffer.ToArray(), Request.Headers[WebhookSignature.HeaderName], channelId, cancellationToken);
        return result.Outcome switch
        {
            IngestOutcome.Stored or IngestOutcome.NoKnownChannel => Ok(),
            IngestOutcome.BadSignature => Unauthorized(),
            IngestOutcome.Malformed => BadRequest(),
            _ => StatusCode(StatusCodes.Status503ServiceUnavailable),
        };
    }
}
