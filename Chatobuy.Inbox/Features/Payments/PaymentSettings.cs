namespace Chatobuy.Inbox.Features.Payments;

/// <summary>
/// A channel's payment settings (Store Settings → Payment): the partner, the currency, test or live mode with separate
/// credentials (encrypted at rest like the channel token, never shown again after saving), and the three messages the
/// customer gets. The messages take <c>{order_number}</c>, <c>{total}</c> and <c>{payment_link}</c>.
/// </summary>
public sealed class PaymentSettings
{
    public const string DefaultLinkMessage = "Thanks for your order. Kindly pay on this link {payment_link}";
    public const string DefaultSuccessMessage = "Thank you! We received your payment of {total} for order {order_number}.";
    public const string DefaultFailedMessage = "Your payment for order {order_number} did not go through. You can try again on this link: {payment_link}";
    public const string DefaultReminderMessage = "A reminder: order {order_number} ({total}) is waiting for payment. You can pay on this link: {payment_link}";

    /// <summary>The channel these settings belong to (one row per channel).</summary>
    public string ChannelId { get; set; } = "";

    public PaymentPartnerKind Partner { get; set; }

    /// <summary>ISO 4217 code used for orders that do not carry one (HKD, USD, INR, EUR, GBP, BRL, …).</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>Live mode uses <see cref="LiveCredentialsProtected"/>; test mode uses <see cref="TestCredentialsProtected"/>.</summary>
    public bool LiveMode { get; set; }

    /// <summary>The test-mode credentials (the partner's fields as JSON), encrypted.</summary>
    public string? TestCredentialsProtected { get; set; }

    /// <summary>The live-mode credentials (the partner's fields as JSON), encrypted.</summary>
    public string? LiveCredentialsProtected { get; set; }

    /// <summary>For <see cref="PaymentPartnerKind.CustomLink"/>: e.g. <c>https://pay.example.com/?order={order_number}&amp;amount={total}</c>.</summary>
    public string? CustomLinkTemplate { get; set; }

    /// <summary>The default text agents send with a new link ("Payment link" message).</summary>
    public string LinkMessage { get; set; } = DefaultLinkMessage;

    /// <summary>"Payment Success": sent once when the partner reports the order paid.</summary>
    public string SuccessMessage { get; set; } = DefaultSuccessMessage;

    /// <summary>"Payment Failed": sent once when the partner reports the payment failed.</summary>
    public string FailedMessage { get; set; } = DefaultFailedMessage;

    /// <summary>"Payment Default": the reminder sent once when a link stays unpaid for <see cref="ReminderDelayMinutes"/>.</summary>
    public string ReminderMessage { get; set; } = DefaultReminderMessage;

    /// <summary>How long an unpaid link waits before the reminder; 0 sends none.</summary>
    public int ReminderDelayMinutes { get; set; } = 60;

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The credentials of the current mode, still encrypted.</summary>
    public string? ActiveCredentialsProtected => LiveMode ? LiveCredentialsProtected : TestCredentialsProtected;
}
