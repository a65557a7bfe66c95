using System.ComponentModel.DataAnnotations;

namespace Chatobuy.Inbox.Sandbox.Payments;

/// <summary>
/// The test credentials the Sandbox's payment emulator accepts (shown on the Sandbox page). Any other Stripe secret key
/// or Yedpay API key is refused as the real partner refuses it. The emulator signs every Stripe event with
/// <see cref="StripeWebhookSecret"/> and every Yedpay notification with <see cref="YedpaySignKey"/>.
/// </summary>
public sealed class SandboxPaymentOptions
{
    [Required, RegularExpression("^sk_test_[A-Za-z0-9]{16,}$")]
    public string StripeSecretKey { get; set; } = "sk_test_sandbox0chatobuy0payments0001";

    [Required, RegularExpression("^whsec_[A-Za-z0-9]{16,}$")]
    public string StripeWebhookSecret { get; set; } = "whsec_sandbox0chatobuy0signing0secret01";

    [Required, MinLength(16)]
    public string YedpayApiKey { get; set; } = "sandbox-yedpay-api-key-0001";

    /// <summary>Yedpay's sign keys are exactly 32 characters.</summary>
    [Required, StringLength(32, MinimumLength = 32)]
    public string YedpaySignKey { get; set; } = "sandbox0yedpay0sign0key000000001";
}
