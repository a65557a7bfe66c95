namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>A product of a Sandbox catalog (commerce reference §1.3).</summary>
public sealed record SandboxProduct(string RetailerId, string Name, decimal Price, string Currency)
{
    /// <summary>Meta's product item id (not the SKU): stable per product.</summary>
    public string Id { get; init; } = "";

    public string Description { get; init; } = "";

    /// <summary>Meta's availability value, with spaces: <c>in stock</c>, <c>out of stock</c>, <c>preorder</c>…</summary>
    public string Availability { get; init; } = "in stock";

    /// <summary>The background of the product's generated picture (a CSS colour).</summary>
    public string Color { get; init; } = "#607d8b";

    /// <summary>
    /// Meta's price is a display string with the currency symbol ("$12.50", "HK$1,280.00"), not a number (commerce
    /// reference §1.3).
    /// </summary>
    public string DisplayPrice => Currency switch
    {
        "USD" => "$" + Price.ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture),
        "HKD" => "HK$" + Price.ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture),
        _ => Price.ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture) + " " + Currency,
    };
}
