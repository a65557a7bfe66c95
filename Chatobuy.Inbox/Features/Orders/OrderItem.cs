namespace Chatobuy.Inbox.Features.Orders;

/// <summary>One line of an order: a catalog product (by the shop's retailer id), how many, and at what unit price.</summary>
public sealed class OrderItem
{
    public long Id { get; set; }

    public long OrderId { get; set; }

    /// <summary>The shop's own product id (Meta's <c>product_retailer_id</c>).</summary>
    public string RetailerId { get; set; } = "";

    /// <summary>The product's name from the synced catalog when it was ordered; the retailer id when unknown.</summary>
    public string Name { get; set; } = "";

    public int Quantity { get; set; }

    /// <summary>Price of one, in major units (the order webhook's <c>item_price</c>: 7.99, not 799).</summary>
    public decimal UnitPrice { get; set; }

    /// <summary>ISO 4217 code, upper case.</summary>
    public string Currency { get; set; } = "";

    public decimal Subtotal => UnitPrice * Quantity;
}
