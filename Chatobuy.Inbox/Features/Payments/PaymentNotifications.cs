using System.Globalization;
using System.Security.Cryptography;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Orders;
using Microsoft.EntityFrameworkCore;
using Stripe;
using Stripe.Checkout;

namespace Chatobuy.Inbox.Features.Payments;

/// <summary>
/// The partners' signed notifications: verified with the channel's saved secret (either mode's, as an endpoint may still
/// deliver events of the other), then turned into an outcome for <see cref="OrderPayments.ApplyAsync"/>, which moves the
/// order and sends its message once however often the partner notifies. An expiry or failure of a link that has since
/// been replaced by a new one changes nothing; a payment on it still counts.
/// </summary>
public sealed partial class PaymentNotifications(
    IDbContextFactory<InboxDbContext> dbFactory,
    PaymentCredentials credentials,
    OrderPayments payments,
    TimeProvider time,
    ILogger<PaymentNotifications> logger)
{
    public const string StripeActor = "Stripe";

    public const string YedpayActor = "Yedpay";

    /// <summary>A Stripe event as posted to <c>/webhooks/stripe/{channelId}</c> (commerce reference §5.7–5.8).</summary>
    public async Task<PaymentNotificationResult> StripeAsync(string channelId, string payload, string? signature, CancellationToken cancellationToken)
    {
        var secrets = await SecretsAsync(channelId, StripePartner.WebhookSecret, cancellationToken);
        if (secrets is null)
        {
            return PaymentNotificationResult.UnknownChannel;
        }

        if (StripeWebhookSignature.Check(payload, signature, secrets, time.GetUtcNow()) is { } why)
        {
            LogBadSignature(StripeActor, channelId, why);
            return PaymentNotificationResult.BadSignature;
        }

        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ParseEvent(payload, throwOnApiVersionMismatch: false);
        }
        catch (Exception e) when (e is StripeException or Newtonsoft.Json.JsonException)
        {
            LogUnreadable(StripeActor, channelId);
            return PaymentNotificationResult.Ignored;
        }

        (PaymentOutcome? Outcome, Dictionary<string, string>? Metadata, string? Reference, string? Detail, bool CurrentLinkOnly) reading = stripeEvent.Data?.Object switch
        {
            Session session when stripeEvent.Type is EventTypes.CheckoutSessionCompleted && session.PaymentStatus == "paid" =>
                (PaymentOutcome.Paid, session.Metadata, session.Id, session.Id, false),
            Session session when stripeEvent.Type is EventTypes.CheckoutSessionAsyncPaymentSucceeded =>
                (PaymentOutcome.Paid, session.Metadata, session.Id, session.Id, false),
            Session session when stripeEvent.Type is EventTypes.CheckoutSessionAsyncPaymentFailed =>
                (PaymentOutcome.Failed, session.Metadata, session.Id, session.Id, true),
            Session session when stripeEvent.Type is EventTypes.CheckoutSessionExpired =>
                (PaymentOutcome.Expired, session.Metadata, session.Id, session.Id, true),
            PaymentIntent intent when stripeEvent.Type is EventTypes.PaymentIntentPaymentFailed =>
                (PaymentOutcome.Failed, intent.Metadata, null, intent.LastPaymentError?.Message ?? intent.Id, false),
            _ => (null, null, null, null, false),
        };
        var (outcome, metadata, reference, detail, currentLinkOnly) = reading;
        if (outcome is null || metadata is null || !metadata.TryGetValue(StripePartner.OrderIdKey, out var orderIdText)
            || !long.TryParse(orderIdText, NumberStyles.None, CultureInfo.InvariantCulture, out var orderId))
        {
            LogNotUsed(StripeActor, stripeEvent.Type, channelId);
            return PaymentNotificationResult.Ignored;
        }

        return await ApplyAsync(channelId, orderId, PaymentPartnerKind.Stripe, outcome.Value, currentLinkOnly ? reference : null, StripeActor, detail, cancellationToken);
    }

    /// <summary>A Yedpay notification as form-POSTed to <c>/webhooks/yedpay/{channelId}</c> (commerce reference §6.5–6.6).</summary>
    public async Task<PaymentNotificationResult> YedpayAsync(string channelId, string body, CancellationToken cancellationToken)
    {
        var keys = await SecretsAsync(channelId, YedpayPartner.SignKey, cancellationToken);
        if (keys is null)
        {
            return PaymentNotificationResult.UnknownChannel;
        }

        var fields = YedpaySignature.ParseForm(body);
        if (!keys.Any(key => YedpaySignature.Verify(fields, key)))
        {
            LogBadSignature(YedpayActor, channelId, keys.Count == 0 ? "no sign key is saved" : "the sign does not match the saved sign key");
            return PaymentNotificationResult.BadSignature;
        }

        string? Field(string name) => fields.Where(f => f.Key == name).Select(f => f.Value).FirstOrDefault();
        var customId = Field("transaction[custom_id]");
        var status = Field("transaction[status]");
        (PaymentOutcome? outcome, bool currentLinkOnly) = status switch
        {
            "paid" => (PaymentOutcome.Paid, false),
            "failed" => (PaymentOutcome.Failed, true),
            "cancelled" or "expired" => (PaymentOutcome.Expired, true),
            _ => ((PaymentOutcome?)null, false),
        };
        if (outcome is null || YedpayPartner.OrderIdOf(customId) is not { } orderId)
        {
            LogNotUsed(YedpayActor, status, channelId);
            return PaymentNotificationResult.Ignored;
        }

        var detail = Field("transaction[id]") is { Length: > 0 } transaction ? $"{customId} · {transaction}" : customId;
        return await ApplyAsync(channelId, orderId, PaymentPartnerKind.Yedpay, outcome.Value, currentLinkOnly ? customId : null, YedpayActor, detail, cancellationToken);
    }

    private async Task<PaymentNotificationResult> ApplyAsync(
        string channelId, long orderId, PaymentPartnerKind partner, PaymentOutcome outcome, string? currentLink, string actor, string? detail, CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var order = await db.Orders.AsNoTracking()
                .Where(o => o.Id == orderId && o.ChannelId == channelId)
                .Select(o => new { o.PaymentPartner, o.PaymentReference })
                .FirstOrDefaultAsync(cancellationToken);
            if (order is null || order.PaymentPartner != partner.ToString())
            {
                LogUnknownOrder(actor, orderId, channelId);
                return PaymentNotificationResult.Ignored;
            }

            if (currentLink is not null && order.PaymentReference != currentLink)
            {
                LogOlderLink(actor, orderId, outcome);
                return PaymentNotificationResult.Ignored;
            }
        }

        return await payments.ApplyAsync(orderId, outcome, actor, detail, cancellationToken)
            ? PaymentNotificationResult.Applied
            : PaymentNotificationResult.Ignored;
    }

    /// <summary>The secrets named <paramref name="field"/> of both modes; null when the channel has no payment settings.</summary>
    private async Task<IReadOnlyList<string>?> SecretsAsync(string channelId, string field, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.PaymentSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ChannelId == channelId, cancellationToken);
        if (settings is null)
        {
            return null;
        }

        var secrets = new List<string>();
        foreach (var stored in new[] { settings.LiveMode ? settings.LiveCredentialsProtected : settings.TestCredentialsProtected, settings.LiveMode ? settings.TestCredentialsProtected : settings.LiveCredentialsProtected })
        {
            try
            {
                if (credentials.Unprotect(stored).TryGetValue(field, out var secret) && !string.IsNullOrEmpty(secret))
                {
                    secrets.Add(secret);
                }
            }
            catch (CryptographicException)
            {
                LogUnreadableSecrets(channelId);
            }
        }

        return secrets;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Partner} notification for channel {ChannelId} refused: {Reason}")]
    private partial void LogBadSignature(string partner, string channelId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Partner} notification for channel {ChannelId} is not one the inbox can read")]
    private partial void LogUnreadable(string partner, string channelId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Partner} notification {Kind} for channel {ChannelId} needs nothing from the inbox")]
    private partial void LogNotUsed(string partner, string? kind, string channelId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Partner} notified about order {OrderId}, which channel {ChannelId} does not have with that partner")]
    private partial void LogUnknownOrder(string partner, long orderId, string channelId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Partner} reported {Outcome} for an older link of order {OrderId}: the current link stands")]
    private partial void LogOlderLink(string partner, long orderId, PaymentOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The payment credentials of channel {ChannelId} can no longer be read (the encryption keys changed)")]
    private partial void LogUnreadableSecrets(string channelId);
}
