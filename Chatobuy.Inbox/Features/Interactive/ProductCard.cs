namespace Chatobuy.Inbox.Features.Interactive;

/// <summary>What a preview or a chat bubble shows of a catalog product: its name, display price and picture.</summary>
public sealed record ProductCard(string RetailerId, string Name, string? Price, string? ImageUrl);
