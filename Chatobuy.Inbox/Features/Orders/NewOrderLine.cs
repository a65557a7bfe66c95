namespace Chatobuy.Inbox.Features.Orders;

/// <summary>One product of a <see cref="NewOrder"/>: the retailer id, how many and at what unit price (major units); the name is looked up when not given.</summary>
public sealed class NewOrderLine
{
    public string RetailerId { get; set; } = "";

    public string? Name { get; set; }

    public int Quantity { get; set; } = 1;

    public decimal UnitPrice { get; set; }
}
