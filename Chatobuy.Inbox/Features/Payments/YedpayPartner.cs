using System.Globalization;
using System.Text.RegularExpressions;

namespace Chatobuy.Inbox.Features.Payments;

/// <summary>
/// Yedpay online payment (commerce reference §6): one hosted checkout per link, <c>custom_id</c> naming the order and the
/// link (unique, as Yedpay requires), notifications to this channel's Yedpay webhook URL. Yedpay takes HKD only.
/// </summary>
public sealed partial class YedpayPartner(
    PaymentTargets targets,
    IHttpClientFactory httpClients,
    TimeProvider time,
    ILogger<YedpayPartner> logger) : IPaymentPartner, IPaymentConnectionCheck
{
    /// <summary>The credential field of the API key.</summary>
    public const string ApiKey = "apiKey";

    /// <summary>The credential field of the 32-character sign key that verifies notifications.</summary>
    public const string SignKey = "signKey";

    /// <summary>How long a link stays payable, in seconds (Yedpay allows 900 to 10,800).</summary>
    public const int ExpirySeconds = 10_800;

    public const string KeyRefused =
        "Yedpay refused the API key: copy it again from Yedpay's merchant portal (Settings → API keys), and check it belongs to the right environment (staging for test mode, production for live).";

    public PaymentPartnerKind Kind => PaymentPartnerKind.Yedpay;

    /// <summary><c>o{order id}-{unix seconds}</c>: unique per link, within Yedpay's 36 characters of <c>[A-Za-z0-9_-]</c>.</summary>
    public static string CustomId(long orderId, DateTimeOffset at) =>
        $"o{orderId.ToString(CultureInfo.InvariantCulture)}-{at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The order a <c>custom_id</c> names; null when it is not one of ours.</summary>
    public static long? OrderIdOf(string? customId) =>
        customId is not null && CustomIdPattern().Match(customId) is { Success: true } match
            && long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    public async Task<PaymentLinkResult> CreateLinkAsync(PaymentLinkRequest request, CancellationToken cancellationToken)
    {
        var order = request.Order;
        var mode = request.Settings.LiveMode ? "live" : "test";
        if (!request.Credentials.TryGetValue(ApiKey, out var key) || string.IsNullOrWhiteSpace(key))
        {
            return PaymentLinkResult.Refused($"This channel has no Yedpay API key for {mode} mode. An Admin can enter it in Store Settings → Payment.");
        }

        var currency = string.IsNullOrEmpty(order.Currency) ? request.Settings.Currency : order.Currency;
        if (!string.Equals(currency, "HKD", StringComparison.OrdinalIgnoreCase))
        {
            return PaymentLinkResult.Refused($"Yedpay takes Hong Kong dollars only, and order {order.Number} is in {currency}. Use another partner for this order, or price the catalog in HKD.");
        }

        var customId = CustomId(order.Id, time.GetUtcNow());
        var fields = new List<KeyValuePair<string, string>>
        {
            new("currency", "HKD"),
            new("amount", order.Total.ToString("0.00", CultureInfo.InvariantCulture)),
            new("custom_id", customId),
            new("subject", $"Order {order.Number}"),
            new("expiry_time", ExpirySeconds.ToString(CultureInfo.InvariantCulture)),
            new("notify_url", PaymentTargets.WebhookUrl(request.PublicBaseUrl, PaymentPartnerKind.Yedpay, order.ChannelId)),
            new("return_url", PaymentTargets.ReturnUrl(request.PublicBaseUrl, order.Number, "returned")),
        };

        YedpayAnswer answer;
        try
        {
            var apiBase = await targets.YedpayApiBaseAsync(order.ChannelId, request.Settings.LiveMode, cancellationToken);
            answer = await Client().CreateOnlinePaymentAsync(apiBase, key, fields, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            return PaymentLinkResult.Refused($"Yedpay could not be reached: {e.Message}. Check the server's internet connection and try again.");
        }

        if (answer.Status == 401)
        {
            return PaymentLinkResult.Refused(KeyRefused);
        }

        var url = answer.Body?["data"]?["checkout_url"]?.ToString();
        if (!answer.Succeeded || string.IsNullOrEmpty(url))
        {
            LogRefused(order.Id, answer.Status);
            return PaymentLinkResult.Refused(answer.Status >= 500
                ? $"Yedpay had a problem ({answer.Problem}). Try again in a moment."
                : $"Yedpay refused the payment: {answer.Problem}");
        }

        return PaymentLinkResult.Made(url, customId);
    }

    public async Task<PaymentConnectionResult> TestAsync(string channelId, bool liveMode, IReadOnlyDictionary<string, string> credentials, CancellationToken cancellationToken)
    {
        var mode = liveMode ? "live" : "test";
        if (!credentials.TryGetValue(ApiKey, out var key) || string.IsNullOrWhiteSpace(key))
        {
            return PaymentConnectionResult.Bad($"Enter the {mode} API key first (Yedpay's merchant portal → Settings → API keys).");
        }

        YedpayAnswer answer;
        try
        {
            var apiBase = await targets.YedpayApiBaseAsync(channelId, liveMode, cancellationToken);
            answer = await Client().QueryAsync(apiBase, key, "connection-check", cancellationToken);
        }
        catch (HttpRequestException e)
        {
            return PaymentConnectionResult.Bad($"Yedpay could not be reached: {e.Message}. Check the server's internet connection and try again.");
        }

        if (answer.Status is 401 or 403)
        {
            return PaymentConnectionResult.Bad(KeyRefused);
        }

        if (answer.Status >= 500)
        {
            return PaymentConnectionResult.Bad($"Yedpay had a problem ({answer.Problem}). Try again in a moment.");
        }

        if (!credentials.TryGetValue(SignKey, out var signKey) || signKey.Length != YedpaySignature.SignKeyLength)
        {
            return PaymentConnectionResult.Bad(
                $"Yedpay accepted the {mode} API key, but the sign key is missing or not 32 characters long: without it payments are never confirmed. Copy it from Yedpay's merchant portal.");
        }

        return PaymentConnectionResult.Good($"Yedpay accepted the {mode} API key. Payments are confirmed through the notification URL below, signed with the sign key you saved.");
    }

    private YedpayClient Client() => new(httpClients.CreateClient(YedpayClient.HttpClientName));

    [GeneratedRegex("^o([0-9]{1,18})-[0-9]+$")]
    private static partial Regex CustomIdPattern();

    [LoggerMessage(Level = LogLevel.Information, Message = "Yedpay refused a payment link for order {OrderId}: HTTP {Status}")]
    private partial void LogRefused(long orderId, int status);
}
