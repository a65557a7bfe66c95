using System.Text;

namespace Chatobuy.Inbox.Features.Payments;

/// <summary>
/// Where the partners notify: <c>POST /webhooks/stripe/{channelId}</c> (Stripe's event JSON with <c>Stripe-Signature</c>)
/// and <c>POST /webhooks/yedpay/{channelId}</c> (Yedpay's signed form). The raw body is read once, verified, then parsed;
/// the answer comes after the order is stored, so a failure is a 5xx the partner retries.
/// </summary>
public static class PaymentWebhookEndpoints
{
    /// <summary>Partners' notifications are small; anything bigger is not one.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapPaymentWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost(PaymentTargets.StripeWebhookPath + "/{channelId}", StripeAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription().ShortCircuit();
        app.MapPost(PaymentTargets.YedpayWebhookPath + "/{channelId}", YedpayAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription().ShortCircuit();
        return app;
    }

    private static async Task<IResult> StripeAsync(string channelId, HttpContext context, PaymentNotifications notifications)
    {
        if (await ReadBodyAsync(context.Request) is not { } body)
        {
            return Results.Text("The body is too large to be a Stripe event.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var result = await notifications.StripeAsync(channelId, body, context.Request.Headers[StripeWebhookSignature.Header], context.RequestAborted);
        return result switch
        {
            PaymentNotificationResult.BadSignature => Results.Text("The Stripe-Signature does not match this channel's webhook signing secret, or is too old.", statusCode: StatusCodes.Status400BadRequest),
            PaymentNotificationResult.UnknownChannel => Results.Text("No payment settings for this channel.", statusCode: StatusCodes.Status404NotFound),
            _ => Results.Json(new { received = true }),
        };
    }

    private static async Task<IResult> YedpayAsync(string channelId, HttpContext context, PaymentNotifications notifications)
    {
        if (await ReadBodyAsync(context.Request) is not { } body)
        {
            return Results.Text("The body is too large to be a Yedpay notification.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var result = await notifications.YedpayAsync(channelId, body, context.RequestAborted);
        return result switch
        {
            PaymentNotificationResult.BadSignature => Results.Text("sign mismatch", statusCode: StatusCodes.Status400BadRequest),
            PaymentNotificationResult.UnknownChannel => Results.Text("unknown channel", statusCode: StatusCodes.Status404NotFound),

            // Yedpay's plugins all acknowledge with 200 and exactly this body.
            _ => Results.Text("success"),
        };
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
