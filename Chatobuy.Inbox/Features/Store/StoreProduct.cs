namespace Chatobuy.Inbox.Features.Store;

/// <summary>
/// A synchronized catalog product as other features use it (pickers, order items): the SKU, name, Meta's display
/// price and, when it could be read unambiguously, its amount (see <see cref="DisplayPrices"/>).
/// </summary>
public sealed record StoreProduct(
    string RetailerId,
    string Name,
    string? Description,
    string? Price,
    decimal? Amount,
    string? Currency,
    string? Availability,
    string? ImageUrl,
    string CatalogId,
    string MetaProductId)
{
    public bool InStock => Availability is null or "in stock" or "available for order" or "preorder";

    internal static StoreProduct From(CatalogProduct p) =>
        new(p.RetailerId, p.Name, p.Description, p.Price, p.Amount, p.Currency, p.Availability, p.ImageUrl, p.CatalogId, p.MetaProductId);
}
