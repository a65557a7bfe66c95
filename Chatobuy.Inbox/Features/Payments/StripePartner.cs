using System.Globalization;
using Stripe;
using Stripe.Checkout;

namespace Chatobuy.Inbox.Features.Payments;

/// <summary>
/// Stripe through the official Stripe.net SDK (commerce reference §5): one Checkout Session per link, with the order's
/// lines in minor units, the order and channel in its metadata (and the PaymentIntent's, for
/// <c>payment_intent.payment_failed</c>), the customer's return pages on this inbox and an expiry. The SDK's
/// <c>ApiBase</c> is Stripe's, or the Sandbox's Stripe emulator for a Sandbox channel.
/// </summary>
public sealed partial class StripePartner(
    PaymentTargets targets,
    IHttpClientFactory httpClients,
    TimeProvider time,
    ILogger<StripePartner> logger) : IPaymentPartner, IPaymentConnectionCheck
{
    /// <summary>The credential field of the secret key (<c>sk_test_…</c> / <c>sk_live_…</c>).</summary>
    public const string SecretKey = "secretKey";

    /// <summary>The credential field of the webhook endpoint's signing secret (<c>whsec_…</c>).</summary>
    public const string WebhookSecret = "webhookSecret";

    public const string HttpClientName = "Stripe";

    public const string OrderIdKey = "order_id";

    public const string ChannelIdKey = "channel_id";

    public const string OrderNumberKey = "order_number";

    /// <summary>How long a link stays payable (Stripe allows 30 minutes to 24 hours).</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(23);

    /// <summary>Stripe's most line items in payment mode.</summary>
    public const int MaxLineItems = 100;

    public PaymentPartnerKind Kind => PaymentPartnerKind.Stripe;

    public async Task<PaymentLinkResult> CreateLinkAsync(PaymentLinkRequest request, CancellationToken cancellationToken)
    {
        var order = request.Order;
        if (!request.Credentials.TryGetValue(SecretKey, out var key) || string.IsNullOrWhiteSpace(key))
        {
            return PaymentLinkResult.Refused(
                $"This channel has no Stripe secret key for {(request.Settings.LiveMode ? "live" : "test")} mode. An Admin can enter it in Store Settings → Payment.");
        }

        if (order.Items.Count > MaxLineItems)
        {
            return PaymentLinkResult.Refused($"Stripe takes at most {MaxLineItems} products in one payment; order {order.Number} has {order.Items.Count}.");
        }

        var currency = (string.IsNullOrEmpty(order.Currency) ? request.Settings.Currency : order.Currency).ToLowerInvariant();
        var metadata = new Dictionary<string, string>
        {
            [OrderIdKey] = order.Id.ToString(CultureInfo.InvariantCulture),
            [ChannelIdKey] = order.ChannelId,
            [OrderNumberKey] = order.Number,
        };
        var lines = new List<SessionLineItemOptions>();
        foreach (var item in order.Items)
        {
            if (StripeAmounts.Rounds(item.UnitPrice, currency))
            {
                LogRounded(order.Id, item.RetailerId, item.UnitPrice, currency);
            }

            lines.Add(new SessionLineItemOptions
            {
                Quantity = item.Quantity,
                PriceData = new SessionLineItemPriceDataOptions
                {
                    Currency = currency,
                    UnitAmount = StripeAmounts.ToMinorUnits(item.UnitPrice, currency),
                    ProductData = new SessionLineItemPriceDataProductDataOptions
                    {
                        Name = string.IsNullOrWhiteSpace(item.Name) ? item.RetailerId : item.Name,
                        Metadata = new Dictionary<string, string> { ["retailer_id"] = item.RetailerId },
                    },
                },
            });
        }

        var options = new SessionCreateOptions
        {
            Mode = "payment",
            LineItems = lines,
            SuccessUrl = PaymentTargets.ReturnUrl(request.PublicBaseUrl, order.Number, "paid"),
            CancelUrl = PaymentTargets.ReturnUrl(request.PublicBaseUrl, order.Number, "cancelled"),
            ClientReferenceId = metadata[OrderIdKey],
            Metadata = metadata,
            PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = new Dictionary<string, string>(metadata) },
            ExpiresAt = time.GetUtcNow().Add(LinkLifetime).UtcDateTime,
        };

        try
        {
            var client = await ClientAsync(order.ChannelId, key, cancellationToken);
            var session = await new SessionService(client).CreateAsync(options, cancellationToken: cancellationToken);
            return string.IsNullOrEmpty(session.Url)
                ? PaymentLinkResult.Refused("Stripe made the Checkout Session but gave no link to pay on. Try again.")
                : PaymentLinkResult.Made(session.Url, session.Id);
        }
        catch (ArgumentException)
        {
            return PaymentLinkResult.Refused(StripeErrors.KeyRefused);
        }
        catch (StripeException e)
        {
            LogStripeRefused(order.Id, (int)e.HttpStatusCode, e.StripeError?.Type);
            return PaymentLinkResult.Refused(StripeErrors.Explain(e));
        }
        catch (HttpRequestException e)
        {
            return PaymentLinkResult.Refused($"Stripe could not be reached: {e.Message}. Check the server's internet connection and try again.");
        }
    }

    /// <summary>Reads a Checkout Session back (its <c>status</c> and <c>payment_status</c>), e.g. to reconcile a missed notification.</summary>
    public async Task<Session> GetSessionAsync(string channelId, string secretKey, string sessionId, CancellationToken cancellationToken)
    {
        var client = await ClientAsync(channelId, secretKey, cancellationToken);
        return await new SessionService(client).GetAsync(sessionId, cancellationToken: cancellationToken);
    }

    public async Task<PaymentConnectionResult> TestAsync(string channelId, bool liveMode, IReadOnlyDictionary<string, string> credentials, CancellationToken cancellationToken)
    {
        var mode = liveMode ? "live" : "test";
        if (!credentials.TryGetValue(SecretKey, out var key) || string.IsNullOrWhiteSpace(key))
        {
            return PaymentConnectionResult.Bad($"Enter the {mode} secret key first (Stripe's Dashboard → Developers → API keys).");
        }

        if (StripeErrors.WrongKindOfKey(key, liveMode) is { } wrongKind)
        {
            return PaymentConnectionResult.Bad(wrongKind);
        }

        try
        {
            var client = await ClientAsync(channelId, key, cancellationToken);
            var balance = await new BalanceService(client).GetAsync(cancellationToken: cancellationToken);
            if (balance.Livemode != liveMode)
            {
                return PaymentConnectionResult.Bad($"Stripe accepted the key, but it belongs to {(balance.Livemode ? "live" : "test")} mode, not {mode} mode.");
            }
        }
        catch (ArgumentException)
        {
            return PaymentConnectionResult.Bad(StripeErrors.KeyRefused);
        }
        catch (StripeException e)
        {
            return PaymentConnectionResult.Bad(StripeErrors.Explain(e));
        }
        catch (HttpRequestException e)
        {
            return PaymentConnectionResult.Bad($"Stripe could not be reached: {e.Message}. Check the server's internet connection and try again.");
        }

        if (!credentials.TryGetValue(WebhookSecret, out var secret) || !secret.StartsWith("whsec_", StringComparison.Ordinal))
        {
            return PaymentConnectionResult.Bad(
                $"Stripe accepted the {mode} secret key, but the webhook signing secret is missing or not one (it starts with whsec_): without it payments are never confirmed. Add this channel's webhook URL in Stripe's Dashboard → Developers → Webhooks and paste its signing secret.");
        }

        return PaymentConnectionResult.Good($"Stripe accepted the {mode} secret key. Payments are confirmed through the webhook URL below, signed with the secret you saved.");
    }

    private async Task<StripeClient> ClientAsync(string channelId, string secretKey, CancellationToken cancellationToken)
    {
        var apiBase = await targets.StripeApiBaseAsync(channelId, cancellationToken);
        return new StripeClient(
            apiKey: secretKey.Trim(),
            httpClient: new SystemNetHttpClient(httpClients.CreateClient(HttpClientName)),
            apiBase: apiBase);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe refused a Checkout Session for order {OrderId}: HTTP {Status} ({ErrorType})")]
    private partial void LogStripeRefused(long orderId, int status, string? errorType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId}: the price {Price} of {RetailerId} has more decimals than {Currency} allows; it is rounded for Stripe")]
    private partial void LogRounded(long orderId, string retailerId, decimal price, string currency);
}
