namespace Chatobuy.Inbox.CloudApi;

public static partial class GraphErrorExplainer
{
    /// <summary>Commerce reference §1.2: linking a second catalog to an account that already has one.</summary>
    public const int CatalogAlreadyLinked = 2388027;

    /// <summary>Where a business creates catalogs and gives its system user access to one (no Graph call does it for us).</summary>
    public const string CreateCatalogHint =
        "Create one in Commerce Manager (business.facebook.com/commerce → Add catalog → E-commerce), add products, then in Meta Business Settings → Data sources → Catalogs assign it to the system user with Manage catalog.";

    /// <summary>What a refusal of a catalog or commerce-settings call means and what to do; null when it is not catalog-specific.</summary>
    private static (string Explanation, string Next)? ForCatalogs(int code, int? subcode, GraphOperation operation)
    {
        if (operation is not (GraphOperation.ReadCatalog or GraphOperation.ListCatalogs or GraphOperation.LinkCatalog
            or GraphOperation.UnlinkCatalog or GraphOperation.ReadCommerceSettings or GraphOperation.UpdateCommerceSettings))
        {
            return null;
        }

        return (code, subcode, operation) switch
        {
            (_, CatalogAlreadyLinked, _) => (
                "This WhatsApp Business Account already has a catalog linked, and WhatsApp allows only one.",
                "Unlink the current catalog first, then link the other one."),
            (10 or (>= 200 and <= 299), _, GraphOperation.ReadCommerceSettings or GraphOperation.UpdateCommerceSettings) => (
                "The access token may not manage this phone number's commerce settings (whatsapp_business_management is missing).",
                "In Meta Business Settings → Users → System Users, generate a token with whatsapp_business_management for this WhatsApp account, and update the channel."),
            (10 or (>= 200 and <= 299), _, _) => (
                "The access token may not use this catalog: its system user needs the catalog_management permission and access to the catalog.",
                "In Meta Business Settings → Users → System Users, generate a token that includes catalog_management, and under Data sources → Catalogs assign the catalog to the system user (Manage catalog). Then update the channel's token."),
            (80008 or 80009, _, _) => (
                "Meta's rate limit for this catalog or WhatsApp account was reached.",
                "Wait a few minutes and try again."),
            (100, _, GraphOperation.ListCatalogs) => (
                "The business was not found, or this token cannot see its catalogs.",
                "Check the channel's Business Manager ID, and that the token includes business_management and catalog_management."),
            (100, _, GraphOperation.LinkCatalog) => (
                "Meta did not accept that catalog: it does not exist (any more) or this business cannot use it.",
                "Refresh the list of catalogs and pick one of them. " + CreateCatalogHint),
            (100, _, GraphOperation.UnlinkCatalog) => (
                "Meta did not unlink the catalog: it is not the one linked to this account (any more), or this account does not allow unlinking it through the API.",
                "Refresh the page to see which catalog is linked; if it stays linked, disconnect it in WhatsApp Manager → Catalog."),
            (100, _, GraphOperation.ReadCatalog) => (
                "Meta does not know this catalog, or this token cannot see it.",
                "Check that the catalog still exists in Commerce Manager and is assigned to the system user."),
            (100, _, GraphOperation.ReadCommerceSettings or GraphOperation.UpdateCommerceSettings) => (
                "Meta refused the commerce settings of this phone number.",
                "Check that the number still belongs to the channel's WhatsApp Business Account, then try again."),
            _ => null,
        };
    }
}
