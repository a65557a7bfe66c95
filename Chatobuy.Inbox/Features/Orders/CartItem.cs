namespace Chatobuy.Inbox.Features.Orders;

/// <summary>One line of a cart: <c>product_retailer_id</c>, <c>quantity</c>, <c>item_price</c> (major units) and <c>currency</c>.</summary>
public sealed record CartItem(string RetailerId, int Quantity, decimal UnitPrice, string Currency);
