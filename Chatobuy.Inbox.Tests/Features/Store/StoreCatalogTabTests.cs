using Bunit;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Features.Store;

namespace Chatobuy.Inbox.Tests.Features.Store;

/// <summary>Store Settings → Catalog as an admin sees it: the catalogs, which one is linked, link/unlink, commerce settings, Meta's refusals explained.</summary>
public sealed class StoreCatalogTabTests : StoreTabsTestContext
{
    private IRenderedComponent<StoreCatalogTab> RenderTab() =>
        Render<StoreCatalogTab>(p => p.Add(c => c.ChannelId, Channel.Id).Add(c => c.WabaName, "Store account"));

    private void TwoCatalogs(bool linkFirst)
    {
        Graph.OwnedCatalogs.Add(new ProductCatalogData("771", "Shop HK", "commerce", 8));
        Graph.OwnedCatalogs.Add(new ProductCatalogData("772", "Outlet", "commerce", 60));
        Graph.LinkedCatalog = linkFirst ? Graph.OwnedCatalogs[0] : null;
    }

    [Fact]
    public void Catalogs_EachWithIdAndProductCount_TheLinkedOneChippedWithUnlink()
    {
        TwoCatalogs(linkFirst: true);
        RenderProviders();

        var tab = RenderTab();

        tab.WaitForAssertion(() => tab.FindAll("[data-testid=catalog-row]").Count.ShouldBe(2));
        var rows = tab.FindAll("[data-testid=catalog-row]");
        rows[0].QuerySelector("[data-testid=catalog-name]")!.TextContent.ShouldBe("Shop HK");
        rows[0].TextContent.ShouldContain("771");
        rows[0].QuerySelector("[data-testid=catalog-count]")!.TextContent.ShouldBe("8");
        rows[0].QuerySelector("[data-testid=linked-chip]").ShouldNotBeNull();
        rows[0].QuerySelector("[data-testid=unlink]").ShouldNotBeNull();
        rows[1].QuerySelector("[data-testid=linked-chip]").ShouldBeNull();
        rows[1].QuerySelector("[data-testid=link]").ShouldBeNull();
        tab.Find("[data-testid=linked-summary]").TextContent.ShouldContain("\"Shop HK\" is linked. To use another catalog, unlink it first.");
    }

    [Fact]
    public void Link_AfterConfirmation_LinksAtMetaAndSynchronizesTheProducts()
    {
        TwoCatalogs(linkFirst: false);
        for (var i = 1; i <= 3; i++)
        {
            Graph.CatalogProducts.Add(new CatalogProductData($"9{i}", $"SKU-{i}", $"Product {i}", $"HK${i}0.00", "HKD"));
        }

        var providers = RenderProviders();
        var tab = RenderTab();
        tab.WaitForAssertion(() => tab.FindAll("[data-testid=link]").Count.ShouldBe(2));
        tab.Find("[data-testid=linked-summary]").TextContent.ShouldContain("No catalog is linked yet");

        tab.FindAll("[data-testid=link]")[1].Click();
        providers.WaitForAssertion(() => providers.Markup.ShouldContain("Link \"Outlet\" to the WhatsApp Business Account \"Store account\"?"));
        providers.Find("[data-testid=confirm]").Click();

        tab.WaitForAssertion(() => tab.Find("[data-testid=catalog-notice]").TextContent.ShouldContain("\"Outlet\" is linked. 3 products synchronized"));
        Graph.Calls.ShouldContain("link:111:772");
        tab.FindAll("[data-testid=catalog-row]")[0].QuerySelector("[data-testid=catalog-name]")!.TextContent.ShouldBe("Outlet");
        tab.FindAll("[data-testid=linked-chip]").Count.ShouldBe(1);
    }

    [Fact]
    public void Unlink_Confirmed_SaysProductsStopWorking_AndUnlinks()
    {
        TwoCatalogs(linkFirst: true);
        var providers = RenderProviders();
        var tab = RenderTab();
        tab.WaitForAssertion(() => tab.Find("[data-testid=unlink]"));

        tab.Find("[data-testid=unlink]").Click();
        providers.WaitForAssertion(() => providers.Markup.ShouldContain("Product messages and carts stop working"));
        providers.Find("[data-testid=confirm]").Click();

        tab.WaitForAssertion(() => tab.Find("[data-testid=catalog-notice]").TextContent.ShouldContain("\"Shop HK\" is no longer linked."));
        Graph.Calls.ShouldContain("unlink:111:771");
        tab.FindAll("[data-testid=linked-chip]").ShouldBeEmpty();
        tab.FindAll("[data-testid=link]").Count.ShouldBe(2);
    }

    [Fact]
    public void NoCatalogs_SaysWhereInCommerceManagerToCreateOne()
    {
        RenderProviders();

        var tab = RenderTab();

        tab.WaitForAssertion(() => tab.Find("[data-testid=no-catalogs]").TextContent.ShouldContain("Commerce Manager"));
        tab.Find("[data-testid=no-catalogs]").TextContent.ShouldContain("Add catalog");
    }

    [Fact]
    public void PermissionRefused_ExplainsTheCatalogManagementPermission()
    {
        Graph.FailStatus = 403;
        Graph.FailWithErrorJson = """{"error":{"message":"(#200) Permissions error","type":"OAuthException","code":200,"fbtrace_id":"AbC"}}""";
        RenderProviders();

        var tab = RenderTab();

        tab.WaitForAssertion(() => tab.Find("[data-testid=catalogs-error]").TextContent.ShouldContain("catalog_management"));
        tab.Find("[data-testid=catalogs-error]").TextContent.ShouldContain("Data sources → Catalogs");
        tab.Find("[data-testid=settings-error]").TextContent.ShouldContain("whatsapp_business_management");
    }

    [Fact]
    public void CommerceSettings_Switched_SavedToWhatsApp()
    {
        TwoCatalogs(linkFirst: true);
        RenderProviders();
        var tab = RenderTab();
        tab.WaitForAssertion(() => tab.Find("[data-testid=save-settings]"));
        tab.Find("[data-testid=save-settings]").HasAttribute("disabled").ShouldBeTrue();

        tab.Find("[data-testid=catalog-visible] input, input[data-testid=catalog-visible]").Change(true);
        tab.Find("[data-testid=save-settings]").Click();

        tab.WaitForAssertion(() => Graph.Calls.ShouldContain("set_commerce_settings:1001:true:true"));
        Graph.CommerceSettings.IsCatalogVisible.ShouldBeTrue();
        tab.WaitForAssertion(() => tab.Find("[data-testid=save-settings]").HasAttribute("disabled").ShouldBeTrue());
    }
}
