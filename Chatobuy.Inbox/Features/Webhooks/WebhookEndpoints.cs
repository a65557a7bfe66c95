using System.Security.Cryptography;
using System.Text;
using Chatobuy.Inbox.Features.Channels;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Features.Webhooks;

/// <summary>
/// Meta's webhook callback: per channel (<c>/webhooks/whatsapp/{channelId}</c>) or app-level
/// (<c>/webhooks/whatsapp</c>, for one Meta app serving several numbers). GET is the verification handshake
/// (reference §7.1); POST carries signed events, routed by <c>metadata.phone_number_id</c> whatever URL they came to.
/// The POSTs are short-circuited endpoints: they run right after routing, past the pages' middleware (status pages,
/// the set-up gate, cookies, antiforgery), which a signed machine call has no use for; the signature is its check.
/// </summary>
public static partial class WebhookEndpoints
{
    public const string Path = "/webhooks/whatsapp";

    public static IEndpointRouteBuilder MapWhatsAppWebhooks(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup(Path).AllowAnonymous();
        webhooks.MapGet("/{channelId}", VerifyAsync);
        webhooks.MapGet("", VerifyApp);
        webhooks.MapPost("/{channelId}", (string channelId, HttpContext context) => ReceiveAsync(context, channelId)).ShortCircuit();
        webhooks.MapPost("", (HttpContext context) => ReceiveAsync(context, null)).ShortCircuit();
        return app;
    }

    /// <summary>Answers <c>hub.challenge</c> as plain text when the mode is subscribe and the verify token is the channel's; 403 otherwise.</summary>
    private static async Task<IResult> VerifyAsync(string channelId, HttpRequest request, ChannelService channels, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (mode, verifyToken, challenge) = Handshake(request);
        var logger = loggers.CreateLogger(typeof(WebhookEndpoints));
        if (mode == "subscribe" && challenge is not null && await channels.VerifyWebhookAsync(channelId, verifyToken, cancellationToken))
        {
            LogHandshakeAccepted(logger, channelId);
            return Results.Text(challenge, "text/plain");
        }

        LogHandshakeRefused(logger, channelId);
        return Results.StatusCode(StatusCodes.Status403Forbidden);
    }

    /// <summary>The app-level handshake, against the app-level Verify Token.</summary>
    private static IResult VerifyApp(HttpRequest request, AppWebhookSettings appSettings, ILoggerFactory loggers)
    {
        var (mode, verifyToken, challenge) = Handshake(request);
        var logger = loggers.CreateLogger(typeof(WebhookEndpoints));
        if (mode == "subscribe" && challenge is not null && verifyToken is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(verifyToken), Encoding.UTF8.GetBytes(appSettings.VerifyToken)))
        {
            LogAppHandshakeAccepted(logger);
            return Results.Text(challenge, "text/plain");
        }

        LogAppHandshakeRefused(logger);
        return Results.StatusCode(StatusCodes.Status403Forbidden);
    }

    private static (string? Mode, string? VerifyToken, string? Challenge) Handshake(HttpRequest request) =>
        (request.Query["hub.mode"].FirstOrDefault(), request.Query["hub.verify_token"].FirstOrDefault(), request.Query["hub.challenge"].FirstOrDefault());

    private static async Task ReceiveAsync(HttpContext context, string? channelId)
    {
        var request = context.Request;
        var response = context.Response;
        var limit = context.RequestServices.GetRequiredService<IOptions<WebhookOptions>>().Value.MaxBodyBytes;

        // Our own limit applies (WebhookOptions.MaxBodyBytes), not the server's default.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = null;
        }

        if (request.ContentLength > limit)
        {
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        // The raw bytes, read once: the signature is over exactly these.
        var cancellationToken = context.RequestAborted;
        using var buffer = new MemoryStream(request.ContentLength is { } length and > 0 ? (int)length : 16 * 1024);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            buffer.Write(chunk, 0, read);
        }

        var ingestion = context.RequestServices.GetRequiredService<WebhookIngestion>();
        var result = await ingestion.IngestAsync(buffer.ToArray(), request.Headers[WebhookSignature.HeaderName], channelId, cancellationToken);
        response.StatusCode = result.Outcome switch
        {
            IngestOutcome.Stored or IngestOutcome.NoKnownChannel => StatusCodes.Status200OK,
            IngestOutcome.BadSignature => StatusCodes.Status401Unauthorized,
            IngestOutcome.Malformed => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status503ServiceUnavailable,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook verification handshake accepted for channel {ChannelId}")]
    private static partial void LogHandshakeAccepted(ILogger logger, string channelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook verification handshake refused for channel {ChannelId}")]
    private static partial void LogHandshakeRefused(ILogger logger, string channelId);

    [LoggerMessage(Level = LogLevel.Information, Message = "App-level webhook verification handshake accepted")]
    private static partial void LogAppHandshakeAccepted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "App-level webhook verification handshake refused")]
    private static partial void LogAppHandshakeRefused(ILogger logger);
}
