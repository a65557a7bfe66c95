using System.Globalization;

namespace Chatobuy.Inbox.Features.Payments;

/// <summary>
/// Any other provider: the channel's URL template with <c>{order_number}</c>, <c>{total}</c> (a plain number, 123.50)
/// and <c>{currency}</c> filled in and escaped. Nothing is called and nothing notifies: an agent or the API marks the
/// order paid.
/// </summary>
public sealed class CustomLinkPartner : IPaymentPartner
{
    public const string Currency = "{currency}";

    public PaymentPartnerKind Kind => PaymentPartnerKind.CustomLink;

    public Task<PaymentLinkResult> CreateLinkAsync(PaymentLinkRequest request, CancellationToken cancellationToken)
    {
        var template = request.Settings.CustomLinkTemplate;
        if (string.IsNullOrWhiteSpace(template))
        {
            return Task.FromResult(PaymentLinkResult.Refused(
                "This channel's custom payment link has no URL template. An Admin can set one in Store Settings → Payment."));
        }

        var order = request.Order;
        var url = template
            .Replace(PaymentText.OrderNumber, Uri.EscapeDataString(order.Number), StringComparison.Ordinal)
            .Replace(PaymentText.Total, Uri.EscapeDataString(order.Total.ToString("0.##", CultureInfo.InvariantCulture)), StringComparison.Ordinal)
            .Replace(Currency, Uri.EscapeDataString(order.Currency), StringComparison.Ordinal);
        return Task.FromResult(PaymentLinkResult.Made(url, reference: null));
    }

    /// <summary>True when <paramref name="template"/> is an absolute http(s) URL once its placeholders are filled.</summary>
    public static bool IsValidTemplate(string? template)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return false;
        }

        var sample = template
            .Replace(PaymentText.OrderNumber, "1001", StringComparison.Ordinal)
            .Replace(PaymentText.Total, "1.00", StringComparison.Ordinal)
            .Replace(Currency, "USD", StringComparison.Ordinal);
        return Uri.TryCreate(sample, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
    }
}
