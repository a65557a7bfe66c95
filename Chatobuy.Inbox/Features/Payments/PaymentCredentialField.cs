namespace Chatobuy.Inbox.Features.Payments;

/// <summary>One credential a partner needs: its field name in the stored JSON, its label and where to find it.</summary>
public sealed record PaymentCredentialField(PaymentPartnerKind Partner, string Key, string Label, string HelperText)
{
    public static readonly IReadOnlyList<PaymentCredentialField> All =
    [
        new(PaymentPartnerKind.Stripe, StripePartner.SecretKey, "Secret key",
            "sk_test_… or sk_live_…: Stripe's Dashboard → Developers → API keys."),
        new(PaymentPartnerKind.Stripe, StripePartner.WebhookSecret, "Webhook signing secret",
            "whsec_…: Developers → Webhooks → this channel's endpoint → Signing secret."),
        new(PaymentPartnerKind.Yedpay, YedpayPartner.ApiKey, "API key",
            "Yedpay's merchant portal → Settings → API keys."),
        new(PaymentPartnerKind.Yedpay, YedpayPartner.SignKey, "Sign key",
            "32 characters, from Yedpay's merchant portal: it verifies Yedpay's notifications."),
    ];

    public static IEnumerable<PaymentCredentialField> Of(PaymentPartnerKind partner) => All.Where(f => f.Partner == partner);
}
