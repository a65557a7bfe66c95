namespace Chatobuy.Inbox.CloudApi;

/// <summary>
/// A catalog product (commerce reference §1.3): <c>price</c> is a display string such as "$5.99", not a number;
/// <c>availability</c> is Meta's words ("in stock", "out of stock", …).
/// </summary>
public sealed record CatalogProductData(
    string Id,
    string? RetailerId,
    string? Name,
    string? Price,
    string? Currency,
    string? Description = null,
    string? ImageUrl = null,
    string? Availability = null);
