using Chatobuy.Inbox.Features.Channels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Chatobuy.Inbox.Features.Webhooks;

/// <summary>Meta's webhook callback. GET is the verification handshake (reference §7.1).</summary>
[ApiController]
[AllowAnonymous]
[Route("webhooks/whatsapp")]
public sealed class WebhooksController(ChannelService channels, ILogger<WebhooksController> logger) : ControllerBase
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
}
