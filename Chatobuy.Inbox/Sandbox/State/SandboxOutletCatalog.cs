using System.Globalization;

namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>
/// The business's second catalog, owned but not linked to any account at first: a Hong Kong outlet with 60 products
/// priced in HKD, enough that reading it takes several pages (the Sandbox's page size is 25 by default). Retailer ids
/// never collide with the shop's, so a picture or a name is found by retailer id alone.
/// </summary>
public static class SandboxOutletCatalog
{
    public const string CatalogId = "771000000000002";
    public const string Name = "Chatobuy Sandbox Outlet HK";

    private static readonly (string Code, string Name, decimal Price, string Description)[] Items =
    [
        ("LINEN-SHIRT", "Linen shirt", 420m, "Relaxed fit, pure linen"),
        ("CHINO", "Slim chinos", 560m, "Stretch cotton twill"),
        ("SILK-SCARF", "Silk scarf", 280m, "90 × 90 cm, hand-rolled edges"),
        ("WOOL-BEANIE", "Merino beanie", 190m, "Fine-knit merino wool"),
        ("RAIN-JACKET", "Packable rain jacket", 880m, "Seam-sealed, folds into its pocket"),
        ("SNEAKER", "Canvas sneakers", 650m, "Vulcanised rubber sole"),
        ("BACKPACK", "Commuter backpack", 1280m, "20 l, padded laptop sleeve"),
        ("WALLET", "Leather card wallet", 340m, "Six card slots, vegetable-tanned"),
        ("UMBRELLA", "Compact umbrella", 160m, "Windproof frame, auto open"),
        ("TEA-TIN", "Jasmine tea tin", 98m, "100 g loose leaf"),
        ("CANDLE", "Soy candle", 145m, "Cedar and fig, 40 hours"),
        ("TOWEL", "Cotton bath towel", 210m, "70 × 140 cm, 600 gsm"),
    ];

    private static readonly (string Code, string Name, string Css)[] Colours =
    [
        ("NAVY", "navy", "#1a237e"),
        ("SAND", "sand", "#c2a878"),
        ("OLIVE", "olive", "#6b8e23"),
        ("RUST", "rust", "#b7410e"),
        ("STONE", "stone", "#8d8d8d"),
    ];

    /// <summary>Sixty products: every item in five colours, a few out of stock or on preorder.</summary>
    public static readonly IReadOnlyList<SandboxProduct> Products = Items
        .SelectMany((item, i) => Colours.Select((colour, c) => (item, colour, Index: (i * Colours.Length) + c)))
        .Select(p => new SandboxProduct(
            $"HK-{p.item.Code}-{p.colour.Code}",
            $"{p.item.Name} ({p.colour.Name})",
            p.item.Price + (p.Index % 3 == 0 ? 0m : 20m),
            "HKD")
        {
            Id = (7710000000000201L + p.Index).ToString(CultureInfo.InvariantCulture),
            Description = p.item.Description,
            Availability = (p.Index % 11) switch { 4 => "out of stock", 9 => "preorder", _ => "in stock" },
            Color = p.colour.Css,
        })
        .ToList();
}
