using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Sandbox.Payments;

/// <summary>
/// Sends the emulated partners' notifications over HTTP: Stripe events signed with the Sandbox's webhook signing secret
/// (<c>Stripe-Signature: t=…,v1=…</c>), and Yedpay's form signed with the Sandbox's sign key. One attempt each; the
/// checkout page's Send again repeats the last one (a duplicate delivery, as partners do).
/// </summary>
public sealed partial class SandboxPaymentNotifier(
    IHttpClientFactory httpClients,
    IOptions<SandboxOptions> options,
    SandboxPayments payments,
    TimeProvider time,
    ILogger<SandboxPaymentNotifier> logger)
{
    public const string HttpClientName = "SandboxPayments";

    /// <summary>Emits a Stripe event about <paramref name="checkout"/> to the channel's Stripe webhook URL.</summary>
    public Task<int?> StripeEventAsync(SandboxCheckout checkout, string type, JsonObject dataObject, CancellationToken cancellationToken)
    {
        var stripeEvent = SandboxStripeJson.Event("evt_" + RandomToken(24), type, dataObject, time.GetUtcNow());
        checkout.LastStripeEvent = stripeEvent;
        return PostStripeAsync(checkout, stripeEvent, cancellationToken);
    }

    /// <summary>Sends Yedpay's notification of the checkout's current status to its <c>notify_url</c>.</summary>
    public Task<int?> YedpayAsync(SandboxCheckout checkout, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stamp = now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("success", "1"),
            new("request_type", "purchase"),
            new("transaction[id]", checkout.Id),
            new("transaction[transaction_id]", checkout.TransactionId ?? ""),
            new("transaction[gateway_code]", "12_1"),
            new("transaction[custom_id]", checkout.CustomId ?? ""),
            new("transaction[payment_method]", "VISA"),
            new("transaction[currency]", checkout.Currency),
            new("transaction[amount]", ((decimal)checkout.AmountTotal / checkout.MinorFactor).ToString("0.00", CultureInfo.InvariantCulture)),
            new("transaction[status]", checkout.Status),
            new("transaction[paid_at]", checkout.PaidAt?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? ""),
            new("transaction[refunded_at]", ""),
            new("transaction[updated_at]", stamp),
            new("nonce_str", RandomToken(64)),
            new("sign_type", "HMAC_SHA256"),
        };
        fields.Add(new("sign", SandboxYedpaySigner.Sign(fields, options.Value.Payments.YedpaySignKey)));
        checkout.LastYedpayFields = fields;
        return PostYedpayAsync(checkout, fields, cancellationToken);
    }

    /// <summary>Sends the last notification again (Stripe: the same event with a fresh signature time).</summary>
    public Task<int?> SendAgainAsync(SandboxCheckout checkout, CancellationToken cancellationToken) =>
        checkout.Partner == SandboxCheckoutPartner.Stripe
            ? checkout.LastStripeEvent is { } stripeEvent ? PostStripeAsync(checkout, stripeEvent, cancellationToken) : Task.FromResult<int?>(null)
            : checkout.LastYedpayFields is { } fields ? PostYedpayAsync(checkout, fields, cancellationToken) : Task.FromResult<int?>(null);

    /// <summary>The <c>Stripe-Signature</c> header for <paramref name="payload"/> signed at <paramref name="at"/>.</summary>
    public static string StripeSignature(string payload, string secret, DateTimeOffset at)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var v1 = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{payload}")));
        return $"t={t},v1={v1}";
    }

    private async Task<int?> PostStripeAsync(SandboxCheckout checkout, JsonObject stripeEvent, CancellationToken cancellationToken)
    {
        var type = stripeEvent["type"]!.GetValue<string>();
        if (checkout.NotifyUrl is null)
        {
            checkout.RecordDelivery($"{type}: not sent (the session names no channel_id in its metadata, so no endpoint is known)");
            payments.Touch();
            return null;
        }

        var payload = stripeEvent.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, checkout.NotifyUrl)
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", StripeSignature(payload, options.Value.Payments.StripeWebhookSecret, time.GetUtcNow()));
        return await PostAsync(checkout, type, request, cancellationToken);
    }

    private async Task<int?> PostYedpayAsync(SandboxCheckout checkout, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        var status = fields.First(f => f.Key == "transaction[status]").Value;
        if (string.IsNullOrEmpty(checkout.NotifyUrl))
        {
            checkout.RecordDelivery($"{status}: not sent (no notify_url)");
            payments.Touch();
            return null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, checkout.NotifyUrl) { Content = new FormUrlEncodedContent(fields) };
        return await PostAsync(checkout, $"notification ({status})", request, cancellationToken);
    }

    private async Task<int?> PostAsync(SandboxCheckout checkout, string what, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            checkout.RecordDelivery($"{what} → {status}");
            LogDelivered(checkout.Id, what, status);
            return status;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            checkout.RecordDelivery($"{what} → not delivered ({e.Message})");
            LogNotDelivered(checkout.Id, what, e.Message);
            return null;
        }
        finally
        {
            payments.Touch();
        }
    }

    private static string RandomToken(int length) =>
        RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", length);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox payments: {What} for {CheckoutId} answered {Status}")]
    private partial void LogDelivered(string checkoutId, string what, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox payments: {What} for {CheckoutId} was not delivered: {Reason}")]
    private partial void LogNotDelivered(string checkoutId, string what, string reason);
}
