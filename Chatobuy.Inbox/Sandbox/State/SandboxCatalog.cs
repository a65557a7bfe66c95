namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>
/// The seeded shop catalog, linked to every Sandbox WhatsApp Business Account at first (one catalog per account,
/// commerce reference §1.2; <see cref="SandboxCatalogs"/> keeps the links): what product messages name and what the
/// customer phone orders from until the inbox links another. Product pictures are small SVGs the Sandbox serves itself
/// at <see cref="ImagePath"/>, so nothing leaves the machine.
/// </summary>
public static class SandboxCatalog
{
    public const string CatalogId = "771000000000001";
    public const string Name = "Chatobuy Sandbox Shop";
    public const string Vertical = "commerce";
    public const string ImagePath = "/sandbox/catalog/images";

    public static readonly IReadOnlyList<SandboxProduct> Products =
    [
        new("MUG-BLUE", "Blue ceramic mug", 12.50m, "USD") { Id = "7710000000000101", Description = "350 ml, dishwasher safe", Color = "#1e88e5" },
        new("TEE-BLACK-M", "Black T-shirt (M)", 19.90m, "USD") { Id = "7710000000000102", Description = "Organic cotton, medium", Color = "#37474f" },
        new("CAP-RED", "Red cap", 15.00m, "USD") { Id = "7710000000000103", Description = "One size, adjustable strap", Color = "#e53935" },
        new("TOTE-CANVAS", "Canvas tote bag", 24.00m, "USD") { Id = "7710000000000104", Description = "Natural canvas, 38 × 42 cm", Color = "#a1887f" },
        new("SOCKS-STRIPE", "Striped socks", 8.50m, "USD") { Id = "7710000000000105", Description = "Sizes 39–42", Color = "#8e24aa" },
        new("BOTTLE-STEEL", "Steel water bottle", 21.00m, "USD") { Id = "7710000000000106", Description = "750 ml, keeps cold for 24 h", Availability = "out of stock", Color = "#78909c" },
        new("NOTEBOOK-A5", "A5 dotted notebook", 6.75m, "USD") { Id = "7710000000000107", Description = "120 pages, lay-flat binding", Color = "#43a047" },
        new("HOODIE-GREY-L", "Grey hoodie (L)", 39.90m, "USD") { Id = "7710000000000108", Description = "Brushed fleece, large", Availability = "preorder", Color = "#757575" },
    ];

    public static SandboxProduct? Find(string retailerId) => Products.FirstOrDefault(p => p.RetailerId == retailerId);

    /// <summary>The product's picture under <paramref name="baseUri"/> (empty for a path on this server).</summary>
    public static string ImageUrl(string baseUri, SandboxProduct product) =>
        $"{baseUri.TrimEnd('/')}{ImagePath}/{Uri.EscapeDataString(product.RetailerId)}.svg";
}
