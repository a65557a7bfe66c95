namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>A Sandbox catalog as Graph shows it (commerce reference §1.1): its id, name, vertical and current products.</summary>
public sealed record SandboxCatalogInfo(string Id, string Name, string Vertical, IReadOnlyList<SandboxProduct> Products)
{
    public SandboxProduct? Find(string retailerId) => Products.FirstOrDefault(p => p.RetailerId == retailerId);
}
