using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Sandbox.State;
using Chatobuy.Inbox.Tests.Support;

namespace Chatobuy.Inbox.Tests.Sandbox;

/// <summary>
/// The seeded catalog as Graph serves it (commerce reference §1.2–1.3): linked to every account, its products with
/// paging and pictures the Sandbox serves, what the customer phone can order.
/// </summary>
public sealed class SandboxCatalogHttpTests(InboxApp app) : SandboxTestBase(app)
{
    [Fact]
    public async Task Products_FilteredByRetailerId_AnswerNamesAndDisplayPrices()
    {
        using var client = Client();
        var filter = Uri.EscapeDataString("""{"retailer_id":{"is_any":["MUG-BLUE","CAP-RED","NOPE"]}}""");

        var response = await client.GetAsync($"/sandbox/graph/v23.0/{SandboxCatalog.CatalogId}/products?fields=id,retailer_id,name,price,currency&filter={filter}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var data = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!.AsArray();
        data.Select(p => p!["retailer_id"]!.GetValue<string>()).ShouldBe(["MUG-BLUE", "CAP-RED"]);
        data[0]!["name"]!.GetValue<string>().ShouldBe("Blue ceramic mug");
        data[0]!["price"]!.GetValue<string>().ShouldBe("$12.50");
        data[0]!["id"]!.GetValue<string>().ShouldNotBe("MUG-BLUE");
    }

    [Fact]
    public async Task Products_EveryProductTheCustomerPhoneOffers_IsInTheCatalog()
    {
        using var client = Client();

        var data = JsonNode.Parse(await client.GetStringAsync($"/sandbox/graph/v23.0/{SandboxCatalog.CatalogId}/products?fields=retailer_id,name"))!["data"]!.AsArray();

        data.Select(p => p!["retailer_id"]!.GetValue<string>()).ShouldBe(SandboxCatalog.Products.Select(p => p.RetailerId));
    }

    [Fact]
    public async Task Products_UnknownCatalogOrBadFilter_AnswerGraphErrors()
    {
        using var client = Client();

        var unknown = await client.GetAsync("/sandbox/graph/v23.0/999000000000000/products?fields=name");
        var badFilter = await client.GetAsync($"/sandbox/graph/v23.0/{SandboxCatalog.CatalogId}/products?filter=not-json");

        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<int>().ShouldBe(100);
        badFilter.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await badFilter.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<int>().ShouldBe(100);
    }

    [Fact]
    public async Task ProductCatalogs_EveryAccount_AnswersTheLinkedCatalogWithTheFieldsAsked()
    {
        using var client = Client();

        foreach (var waba in State.Wabas)
        {
            var page = JsonNode.Parse(await client.GetStringAsync($"/sandbox/graph/v23.0/{waba.Id}/product_catalogs?fields=id,name,vertical,product_count"))!;

            var catalog = page["data"]!.AsArray().ShouldHaveSingleItem()!;
            catalog.ToJsonString().ShouldBe(
                $$"""{"id":"{{SandboxCatalog.CatalogId}}","name":"Chatobuy Sandbox Shop","vertical":"commerce","product_count":{{SandboxCatalog.Products.Count}}}""");
            page["paging"]!["cursors"]!["after"].ShouldNotBeNull();
        }

        var defaults = JsonNode.Parse(await client.GetStringAsync($"/sandbox/graph/v23.0/{State.Wabas[0].Id}/product_catalogs"))!;
        defaults["data"]![0]!.ToJsonString().ShouldBe($$"""{"id":"{{SandboxCatalog.CatalogId}}","name":"Chatobuy Sandbox Shop"}""");
    }

    [Fact]
    public async Task ProductCatalogs_NotAnAccount_AnswersGraphErrors()
    {
        using var client = Client();

        var onPhone = await client.GetAsync($"/sandbox/graph/v23.0/{State.PhoneNumbers[0].Id}/product_catalogs");
        var unknown = await client.GetAsync("/sandbox/graph/v23.0/999000000000000/product_catalogs");
        var badField = await client.GetAsync($"/sandbox/graph/v23.0/{State.Wabas[0].Id}/product_catalogs?fields=id,colour");

        onPhone.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await onPhone.Content.ReadAsStringAsync())!["error"]!["message"]!.GetValue<string>().ShouldContain("nonexisting field (product_catalogs)");
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!["error"]!["error_subcode"]!.GetValue<int>().ShouldBe(33);
        badField.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await badField.Content.ReadAsStringAsync())!["error"]!["message"]!.GetValue<string>().ShouldContain("(colour)");
    }

    [Fact]
    public async Task Catalog_ReadAsANodeAndAsTheBusinessOwnedCatalog_SameCatalog()
    {
        using var client = Client();

        var node = JsonNode.Parse(await client.GetStringAsync($"/sandbox/graph/v23.0/{SandboxCatalog.CatalogId}?fields=name,product_count"))!;
        var owned = JsonNode.Parse(await client.GetStringAsync($"/sandbox/graph/v23.0/{State.BusinessId}/owned_product_catalogs?fields=id,name"))!;

        node.ToJsonString().ShouldBe($$"""{"name":"Chatobuy Sandbox Shop","product_count":{{SandboxCatalog.Products.Count}},"id":"{{SandboxCatalog.CatalogId}}"}""");
        owned["data"]![0]!["id"]!.GetValue<string>().ShouldBe(SandboxCatalog.CatalogId);
    }

    [Fact]
    public async Task Products_EveryField_AsMetaWritesThemWithAPictureTheSandboxServes()
    {
        using var client = Client();
        var filter = Uri.EscapeDataString("""{"retailer_id":{"eq":"BOTTLE-STEEL"}}""");

        var product = JsonNode.Parse(await client.GetStringAsync(
            $"/sandbox/graph/v23.0/{SandboxCatalog.CatalogId}/products?fields=id,retailer_id,name,description,price,currency,image_url,availability&filter={filter}"))!["data"]!
            .AsArray().ShouldHaveSingleItem()!;

        product["id"]!.GetValue<string>().ShouldBe("7710000000000106");
        product["retailer_id"]!.GetValue<string>().ShouldBe("BOTTLE-STEEL");
        product["name"]!.GetValue<string>().ShouldBe("Steel water bottle");
        product["description"]!.GetValue<string>().ShouldBe("750 ml, keeps cold for 24 h");
        product["price"]!.GetValue<string>().ShouldBe("$21.00");
        product["currency"]!.GetValue<string>().ShouldBe("USD");
        product["availability"]!.GetValue<string>().ShouldBe("out of stock");
        var imageUrl = product["image_url"]!.GetValue<string>();
        imageUrl.ShouldBe(App.BaseAddress + "sandbox/catalog/images/BOTTLE-STEEL.svg");

        using var anonymous = App.CreateHttpClient();
        var image = await anonymous.GetAsync(imageUrl);
        image.StatusCode.ShouldBe(HttpStatusCode.OK);
        image.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
        var svg = await image.Content.ReadAsStringAsync();
        svg.ShouldStartWith("<svg");
        svg.ShouldContain("BOTTLE-STEEL");
        var missing = await anonymous.GetAsync("/sandbox/catalog/images/NOPE.svg");
        missing.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        missing.Content.Headers.ContentType?.MediaType.ShouldNotBe("image/svg+xml");
    }

    [Fact]
    public async Task Products_PagedThreeAtATime_NextLinksWalkTheWholeCatalogOnce()
    {
        using var client = Client();
        var seen = new List<string>();
        string? url = $"/sandbox/graph/v23.0/{SandboxCatalog.CatalogId}/products?fields=retailer_id&limit=3&summary=true";
        var pages = 0;

        while (url is not null)
        {
            var page = JsonNode.Parse(await client.GetStringAsync(url))!;
            pages++;
            page["data"]!.AsArray().Count.ShouldBeLessThanOrEqualTo(3);
            seen.AddRange(page["data"]!.AsArray().Select(p => p!["retailer_id"]!.GetValue<string>()));
            page["summary"]!["total_count"]!.GetValue<int>().ShouldBe(SandboxCatalog.Products.Count);
            if (pages > 1)
            {
                page["paging"]!["previous"].ShouldNotBeNull();
            }

            url = page["paging"]!["next"]?.GetValue<string>();
            pages.ShouldBeLessThan(10);
        }

        seen.ShouldBe(SandboxCatalog.Products.Select(p => p.RetailerId));
        pages.ShouldBe((SandboxCatalog.Products.Count + 2) / 3);
    }

    [Fact]
    public async Task Products_NameContains_CaseInsensitive()
    {
        using var client = Client();
        var filter = Uri.EscapeDataString("""{"name":{"i_contains":"MUG"}}""");

        var data = JsonNode.Parse(await client.GetStringAsync($"/sandbox/graph/v23.0/{SandboxCatalog.CatalogId}/products?fields=name&filter={filter}"))!["data"]!.AsArray();

        data.Select(p => p!["name"]!.GetValue<string>()).ShouldBe(["Blue ceramic mug"]);
    }

    private HttpClient Client()
    {
        var client = App.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Options.AccessToken);
        return client;
    }
}
