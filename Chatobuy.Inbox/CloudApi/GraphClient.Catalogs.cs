namespace Chatobuy.Inbox.CloudApi;

/// <summary>Catalogs (commerce reference §1.2–1.3): the account's linked catalog and its products, every page.</summary>
public sealed partial class GraphClient
{
    /// <summary>The product fields the library's pickers and previews show (commerce reference §1.3).</summary>
    public const string CatalogProductFields = "id,retailer_id,name,description,price,currency,image_url,availability";

    private const string CatalogFields = "id,name";

    /// <summary>
    /// The catalog linked to a WhatsApp Business Account (<c>GET /{waba-id}/product_catalogs</c>); the value is null
    /// when none is linked. An account has at most one.
    /// </summary>
    public Task<GraphResult<ProductCatalogData?>> GetLinkedCatalogAsync(GraphConnection connection, string wabaId, CancellationToken cancellationToken) =>
        CallAsync(GraphOperation.ReadCatalog, async () =>
        {
            var page = await api.GetWabaCatalogsAsync(connection, wabaId, CatalogFields, cancellationToken);
            return page.Data.Count > 0 ? page.Data[0] : null;
        });

    /// <summary>Every product of a catalog (<c>GET /{catalog-id}/products</c>), following <c>paging.next</c> to the end.</summary>
    public Task<GraphResult<IReadOnlyList<CatalogProductData>>> ListCatalogProductsAsync(
        GraphConnection connection,
        string catalogId,
        CancellationToken cancellationToken,
        int pageSize = PageSize) =>
        CallAsync<IReadOnlyList<CatalogProductData>>(GraphOperation.ReadCatalog, async () =>
            (await ReadAllAsync(after => api.ListCatalogProductsAsync(connection, catalogId, CatalogProductFields, pageSize, after, cancellationToken)))
                .DistinctBy(p => p.Id)
                .ToList());
}
