namespace Chatobuy.Inbox.Features.Orders;

/// <summary>
/// What came of making (and perhaps sending) an order's payment link: the order with its link and the message sent,
/// or why not. <see cref="SendError"/>: the link was made but its message could not be queued.
/// </summary>
public sealed record PaymentLinkSendResult(Order? Order, long? MessageId, string? Error, OrderRefusal Kind = OrderRefusal.None, string? SendError = null)
{
    public bool Succeeded => Error is null;

    public static PaymentLinkSendResult Refused(string error, OrderRefusal kind = OrderRefusal.Conflict) => new(null, null, error, kind);
}
