namespace Chatobuy.Inbox.Sandbox.Customer;

/// <summary>A reply button or a list row of a business's interactive message: its callback id, title and description.</summary>
public sealed record SandboxInteractiveRow(string Id, string Title, string? Description = null);
