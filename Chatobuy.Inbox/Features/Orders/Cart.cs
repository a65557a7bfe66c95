namespace Chatobuy.Inbox.Features.Orders;

/// <summary>A customer's cart as Meta sends it (the <c>order</c> message): the catalog, the note and the items.</summary>
public sealed record Cart(string? CatalogId, string? Text, IReadOnlyList<CartItem> Items);
