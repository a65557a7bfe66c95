namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>A product of the seeded Sandbox catalog.</summary>
public sealed record SandboxProduct(string RetailerId, string Name, decimal Price, string Currency)
{
    /// <summary>Meta's product item id (not the SKU): stable per product.</summary>
    public string Id { get; init; } = "";
}
