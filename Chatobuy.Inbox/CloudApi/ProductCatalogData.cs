namespace Chatobuy.Inbox.CloudApi;

/// <summary>
/// Commerce reference §1.1–1.2: a product catalog, as a business owns it or as it is linked to a WhatsApp Business
/// Account (at most one per account). <see cref="Vertical"/> and <see cref="ProductCount"/> come when asked for.
/// </summary>
public sealed record ProductCatalogData(string Id, string? Name, string? Vertical = null, int? ProductCount = null);
