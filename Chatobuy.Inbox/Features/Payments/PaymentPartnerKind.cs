namespace Chatobuy.Inbox.Features.Payments;

/// <summary>Who makes a channel's payment links.</summary>
public enum PaymentPartnerKind
{
    /// <summary>No partner configured: Generate Payment Link explains and leads Admins to Store Settings → Payment.</summary>
    None,

    /// <summary>Stripe Checkout Sessions, through the Stripe.net SDK (commerce reference §5).</summary>
    Stripe,

    /// <summary>Yedpay online payment with an API key (commerce reference §6).</summary>
    Yedpay,

    /// <summary>Any other provider: a URL template; an agent or the API marks the order paid.</summary>
    CustomLink,
}
