using System.ComponentModel.DataAnnotations;

namespace Chatobuy.Inbox.Features.Payments;

/// <summary>Where the payment partners' APIs are, and how often unpaid links are checked for their reminder.</summary>
public sealed class PaymentsOptions
{
    public const string SectionName = "Payments";

    /// <summary>Stripe's API root (Stripe.net's <c>ApiBase</c>); a Sandbox channel uses the Sandbox's Stripe emulator instead.</summary>
    [Required, Url]
    public string StripeApiBase { get; set; } = "https://api.stripe.com";

    /// <summary>Yedpay's production root, for live mode.</summary>
    [Required, Url]
    public string YedpayLiveApiBase { get; set; } = "https://api.yedpay.com";

    /// <summary>Yedpay's staging root, for test mode.</summary>
    [Required, Url]
    public string YedpayTestApiBase { get; set; } = "https://api-staging.yedpay.com";

    /// <summary>How often the reminder looks for links left unpaid past their channel's delay.</summary>
    [Range(1, 3600)]
    public int ReminderPollSeconds { get; set; } = 60;
}
