namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>The small catalog the customer phone orders from (an <c>order</c> message names the catalog and retailer ids).</summary>
public static class SandboxCatalog
{
    public const string CatalogId = "771000000000001";

    public static readonly IReadOnlyList<SandboxProduct> Products =
    [
        new("MUG-BLUE", "Blue ceramic mug", 12.50m, "USD") { Id = "7710000000000101" },
        new("TEE-BLACK-M", "Black T-shirt (M)", 19.90m, "USD") { Id = "7710000000000102" },
        new("CAP-RED", "Red cap", 15.00m, "USD") { Id = "7710000000000103" },
    ];
}
