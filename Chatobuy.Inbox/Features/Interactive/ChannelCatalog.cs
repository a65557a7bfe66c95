namespace Chatobuy.Inbox.Features.Interactive;

/// <summary>
/// The catalog a channel's WhatsApp Business Account has linked, with its products; <see cref="CatalogId"/> is null
/// when none is linked, <see cref="Error"/> says why it could not be read.
/// </summary>
public sealed record ChannelCatalog(string? CatalogId, string? CatalogName, IReadOnlyList<ProductCard> Products, string? Error = null)
{
    public static readonly ChannelCatalog None = new(null, null, []);

    public bool IsLinked => CatalogId is not null;

    /// <summary>The products by retailer id, as <see cref="InteractivePreview"/> takes them.</summary>
    public IReadOnlyDictionary<string, ProductCard> Cards { get; } = Products.DistinctBy(p => p.RetailerId).ToDictionary(p => p.RetailerId, StringComparer.Ordinal);
}
