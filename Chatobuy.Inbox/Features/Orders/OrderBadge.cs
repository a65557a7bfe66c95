namespace Chatobuy.Inbox.Features.Orders;

/// <summary>What a cart's chat bubble shows of the order made from it: its number and status, linking to it.</summary>
public sealed record OrderBadge(long Id, string Number, OrderStatus Status)
{
    public string Href => $"/orders/{Id}";
}
