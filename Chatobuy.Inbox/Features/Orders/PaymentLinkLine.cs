namespace Chatobuy.Inbox.Features.Orders;

/// <summary>One product line of Generate Payment Link, as the agent edits it.</summary>
public sealed class PaymentLinkLine
{
    public string RetailerId { get; set; } = "";

    public string Name { get; set; } = "";

    public int Quantity { get; set; } = 1;

    public decimal UnitPrice { get; set; }

    public decimal Subtotal => UnitPrice * Quantity;

    public static PaymentLinkLine Of(OrderItem item) =>
        new() { RetailerId = item.RetailerId, Name = item.Name, Quantity = item.Quantity, UnitPrice = item.UnitPrice };
}
