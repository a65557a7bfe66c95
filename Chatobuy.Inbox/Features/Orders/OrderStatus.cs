namespace Chatobuy.Inbox.Features.Orders;

/// <summary>
/// Where an order stands. A cart arrives as <see cref="PendingPayment"/>; the payment partner moves it to
/// <see cref="Paid"/>, <see cref="Failed"/> or <see cref="Expired"/>; an agent fulfils a paid order or cancels one that
/// is not. A failed or expired order goes back to <see cref="PendingPayment"/> when a new payment link is sent.
/// </summary>
public enum OrderStatus
{
    PendingPayment,
    Paid,
    Failed,
    Expired,
    Cancelled,
    Fulfilled,
}
