namespace Chatobuy.Inbox.Features.Payments;

/// <summary>What a partner (or an agent, for a custom link) says came of an order's payment.</summary>
public enum PaymentOutcome
{
    Paid,
    Failed,
    Expired,
}
