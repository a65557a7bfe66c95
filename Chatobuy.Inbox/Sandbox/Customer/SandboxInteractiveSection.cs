namespace Chatobuy.Inbox.Sandbox.Customer;

/// <summary>A section of a list (its rows) or of a multi-product message (its products' retailer ids).</summary>
public sealed record SandboxInteractiveSection(string? Title, IReadOnlyList<SandboxInteractiveRow> Rows, IReadOnlyList<string> RetailerIds);
