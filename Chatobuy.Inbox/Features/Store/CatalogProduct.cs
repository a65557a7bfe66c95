namespace Chatobuy.Inbox.Features.Store;

/// <summary>
/// A product of a channel's linked catalog, copied from Meta (commerce reference §1.3) by <see cref="CatalogSync"/> for
/// pickers and orders. Unique per channel, catalog and retailer id (the SKU that product messages and orders name).
/// </summary>
public sealed class CatalogProduct
{
    public long Id { get; set; }

    public string ChannelId { get; set; } = "";

    public string CatalogId { get; set; } = "";

    /// <summary>Meta's product item id (not the SKU).</summary>
    public string MetaProductId { get; set; } = "";

    /// <summary>The SKU ("Content ID" in Commerce Manager): <c>product_retailer_id</c> in messages and orders.</summary>
    public string RetailerId { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    /// <summary>Meta's price as it gave it: a display string with the currency symbol ("HK$120.00", "Rp460.000").</summary>
    public string? Price { get; set; }

    /// <summary>
    /// The amount read from <see cref="Price"/> when it is unambiguous (see <see cref="DisplayPrices"/>), else null. Meta
    /// gives no number here; an order's own <c>item_price</c> stays the source of truth for what a customer pays.
    /// </summary>
    public decimal? Amount { get; set; }

    /// <summary>ISO 4217 code, e.g. "HKD".</summary>
    public string? Currency { get; set; }

    /// <summary>Meta's words: "in stock", "out of stock", "preorder", "available for order", "discontinued", …</summary>
    public string? Availability { get; set; }

    public string? ImageUrl { get; set; }

    public DateTimeOffset SyncedAt { get; set; }
}
