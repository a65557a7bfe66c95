using Bunit;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Features.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Store;

/// <summary>Store Settings → Products as an admin sees it: the synchronized products, search, Synchronize now, and the last error.</summary>
public sealed class StoreProductsTabTests : StoreTabsTestContext
{
    private IRenderedComponent<StoreProductsTab> RenderTab() => Render<StoreProductsTab>(p => p.Add(c => c.ChannelId, Channel.Id));

    private void LinkedCatalogWith(int count)
    {
        Graph.LinkedCatalog = new ProductCatalogData("771", "Shop HK");
        for (var i = 1; i <= count; i++)
        {
            Graph.CatalogProducts.Add(new CatalogProductData(
                $"9{i}",
                $"SKU-{i}",
                i == 2 ? "Silk scarf" : $"Product {i}",
                $"HK${i}20.00",
                "HKD",
                ImageUrl: $"https://cdn.example.com/{i}.png",
                Availability: i == 3 ? "out of stock" : "in stock"));
        }
    }

    [Fact]
    public void NothingSynchronized_SaysHowToGetProducts()
    {
        RenderProviders();

        var tab = RenderTab();

        tab.WaitForAssertion(() => tab.Find("[data-testid=no-products]").TextContent.ShouldContain("Synchronize now"));
        tab.Find("[data-testid=last-synced]").TextContent.ShouldContain("Not synchronized yet");
        tab.Find("[data-testid=no-products]").TextContent.ShouldContain("every hour");
    }

    [Fact]
    public void SynchronizeNow_ReadsEveryPage_ShowsTheResultAndTheProducts()
    {
        LinkedCatalogWith(5);
        RenderProviders();
        var tab = RenderTab();
        tab.WaitForAssertion(() => tab.Find("[data-testid=no-products]"));

        tab.Find("[data-testid=sync-now]").Click();

        tab.WaitForAssertion(() => tab.Find("[data-testid=sync-result]").TextContent.ShouldBe("5 products synchronized"));
        Graph.Calls.Count(c => c.StartsWith("catalog_products:771", StringComparison.Ordinal)).ShouldBe(3);
        tab.FindAll("[data-testid=product-name]").Select(n => n.TextContent).ShouldBe(["Product 1", "Product 3", "Product 4", "Product 5", "Silk scarf"]);
        var scarf = tab.FindAll("tbody tr").Single(r => r.TextContent.Contains("Silk scarf", StringComparison.Ordinal));
        scarf.QuerySelector("[data-testid=product-retailer-id]")!.TextContent.ShouldBe("SKU-2");
        scarf.QuerySelector("[data-testid=product-price]")!.TextContent.ShouldBe("HK$220.00");
        scarf.QuerySelector("[data-testid=availability]")!.TextContent.ShouldContain("in stock");
        scarf.QuerySelector("[data-testid=product-image]")!.GetAttribute("src").ShouldBe("https://cdn.example.com/2.png");
        tab.FindAll("[data-testid=availability]").Select(c => c.TextContent.Trim()).ShouldContain("out of stock");
        tab.Find("[data-testid=last-synced]").TextContent.ShouldContain("Last synchronized");
        tab.Find("[data-testid=last-synced]").TextContent.ShouldContain("\"Shop HK\"");
    }

    [Fact]
    public async Task Search_ByNameOrRetailerId_NarrowsTheTable()
    {
        LinkedCatalogWith(5);
        (await Services.GetRequiredService<CatalogSync>().SyncAsync(Channel.Id)).Succeeded.ShouldBeTrue();
        RenderProviders();
        var tab = RenderTab();
        tab.WaitForAssertion(() => tab.FindAll("[data-testid=product-name]").Count.ShouldBe(5));

        tab.Find("input[data-testid=product-search]").Input("scarf");

        tab.WaitForAssertion(() => tab.FindAll("[data-testid=product-name]").Select(n => n.TextContent).ShouldBe(["Silk scarf"]));
        tab.Find("[data-testid=product-count]").TextContent.ShouldContain("1 of 5 products match \"scarf\"");

        tab.Find("input[data-testid=product-search]").Input("sku-4");
        tab.WaitForAssertion(() => tab.FindAll("[data-testid=product-name]").Select(n => n.TextContent).ShouldBe(["Product 4"]));
    }

    [Fact]
    public async Task FailedSynchronization_ShowsTheErrorInPlainWords_AndKeepsTheProducts()
    {
        LinkedCatalogWith(2);
        (await Services.GetRequiredService<CatalogSync>().SyncAsync(Channel.Id)).Succeeded.ShouldBeTrue();
        Graph.FailStatus = 401;
        Graph.FailWithErrorJson = """{"error":{"message":"Invalid OAuth access token","type":"OAuthException","code":190,"fbtrace_id":"AbC"}}""";
        RenderProviders();
        var tab = RenderTab();
        tab.WaitForAssertion(() => tab.FindAll("[data-testid=product-name]").Count.ShouldBe(2));

        tab.Find("[data-testid=sync-now]").Click();

        tab.WaitForAssertion(() => tab.Find("[data-testid=sync-error]").TextContent.ShouldContain("The access token is invalid or expired."));
        tab.Find("[data-testid=sync-error]").TextContent.ShouldContain("The products below are from the last synchronization that worked.");
        tab.FindAll("[data-testid=product-name]").Count.ShouldBe(2);
    }
}
