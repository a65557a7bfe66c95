namespace Chatobuy.Inbox.CloudApi;

/// <summary>Commerce reference §1.2: a catalog linked to a WhatsApp Business Account (at most one per account).</summary>
public sealed record ProductCatalogData(string Id, string? Name);
