using Chatobuy.Inbox.CloudApi;

namespace Chatobuy.Inbox.Features.Store;

/// <summary>
/// What the Catalog tab shows, as Meta answered just now: the business's catalogs, the one linked to the channel's
/// account (null when none), and the number's commerce settings. Each part carries its own error, so one refusal
/// does not hide the rest.
/// </summary>
public sealed record StoreCatalogState(
    IReadOnlyList<ProductCatalogData> Catalogs,
    string? CatalogsError,
    ProductCatalogData? Linked,
    string? LinkedError,
    CommerceSettingsData? Settings,
    string? SettingsError)
{
    public static readonly StoreCatalogState NotFound = new([], StoreCatalogService.NotFoundMessage, null, null, null, null);

    /// <summary>The linked catalog first, then the rest, a linked catalog shared by another business included.</summary>
    public IReadOnlyList<ProductCatalogData> Rows =>
        Linked is null || Catalogs.Any(c => c.Id == Linked.Id)
            ? Catalogs.OrderByDescending(c => c.Id == Linked?.Id).ToList()
            : [Linked, .. Catalogs];
}
