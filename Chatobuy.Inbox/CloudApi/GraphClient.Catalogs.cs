namespace Chatobuy.Inbox.CloudApi;

/// <summary>
/// Catalogs (commerce reference §1–2): the business's catalogs, the account's linked catalog (link, unlink), its
/// products (every page), and a number's commerce settings.
/// </summary>
public sealed partial class GraphClient
{
    /// <summary>The product fields the library's pickers and previews show (commerce reference §1.3).</summary>
    public const string CatalogProductFields = "id,retailer_id,name,description,price,currency,image_url,availability";

    private const string CatalogFields = "id,name";
    private const string CatalogListFields = "id,name,vertical,product_count";

    /// <summary>
    /// The catalogs the business can use (commerce reference §1.1): those it owns and those shared with it, every page
    /// of both, with name, vertical and product count.
    /// </summary>
    public Task<GraphResult<IReadOnlyList<ProductCatalogData>>> ListCatalogsAsync(GraphConnection connection, string businessId, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<ProductCatalogData>>(GraphOperation.ListCatalogs, async () =>
        {
            var owned = await ReadAllAsync(after => api.GetOwnedCatalogsAsync(connection, businessId, CatalogListFields, PageSize, after, cancellationToken));
            var shared = await ReadAllAsync(after => api.GetClientCatalogsAsync(connection, businessId, CatalogListFields, PageSize, after, cancellationToken));
            return owned.Concat(shared).DistinctBy(c => c.Id).ToList();
        });

    /// <summary>Links a catalog to the account (commerce reference §1.2); Meta refuses a second one (subcode 2388027).</summary>
    public Task<GraphResult<bool>> LinkCatalogAsync(GraphConnection connection, string wabaId, string catalogId, CancellationToken cancellationToken) =>
        CallAsync(GraphOperation.LinkCatalog, async () => (await api.LinkCatalogAsync(connection, wabaId, catalogId, cancellationToken)).Success);

    /// <summary>Unlinks the account's catalog (commerce reference §1.2; some accounts refuse it through the API).</summary>
    public Task<GraphResult<bool>> UnlinkCatalogAsync(GraphConnection connection, string wabaId, string catalogId, CancellationToken cancellationToken) =>
        CallAsync(GraphOperation.UnlinkCatalog, async () => (await api.UnlinkCatalogAsync(connection, wabaId, catalogId, cancellationToken)).Success);

    /// <summary>The number's commerce settings (commerce reference §2); Meta's defaults when it answers none.</summary>
    public Task<GraphResult<CommerceSettingsData>> GetCommerceSettingsAsync(GraphConnection connection, string phoneNumberId, CancellationToken cancellationToken) =>
        CallAsync(GraphOperation.ReadCommerceSettings, async () =>
        {
            var page = await api.GetCommerceSettingsAsync(connection, phoneNumberId, cancellationToken);
            return page.Data.Count > 0 ? page.Data[0] : CommerceSettingsData.Default;
        });

    /// <summary>Changes the commerce settings given (commerce reference §2: query parameters, either one alone allowed).</summary>
    public Task<GraphResult<bool>> UpdateCommerceSettingsAsync(
        GraphConnection connection,
        string phoneNumberId,
        bool? isCartEnabled,
        bool? isCatalogVisible,
        CancellationToken cancellationToken) =>
        CallAsync(GraphOperation.UpdateCommerceSettings, async () => (await api.SetCommerceSettingsAsync(
            connection,
            phoneNumberId,
            Flag(isCartEnabled),
            Flag(isCatalogVisible),
            cancellationToken)).Success);

    private static string? Flag(bool? value) => value switch { true => "true", false => "false", null => null };

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
