namespace Chatobuy.Inbox.Features.Orders;

/// <summary>One order with its items and history, the customer it belongs to and its channel.</summary>
public sealed record OrderView(Order Order, string ContactWaId, string? ContactName, string ChannelTitle)
{
    public string CustomerName => string.IsNullOrWhiteSpace(ContactName) ? "+" + ContactWaId : ContactName;

    /// <summary>
    /// Whether an agent (or the API) may mark it paid: only when no partner will report the payment, i.e. its link came
    /// from a custom link or it has none yet on a channel without a notifying partner.
    /// </summary>
    public bool PaidByHand { get; init; }
}
