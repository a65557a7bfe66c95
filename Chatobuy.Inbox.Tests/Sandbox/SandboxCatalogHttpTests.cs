using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Sandbox.State;
using Chatobuy.Inbox.Tests.Support;

namespace Chatobuy.Inbox.Tests.Sandbox;

/// <summary>The seeded catalog as Graph serves it (commerce reference §1.3): what the customer phone can order.</summary>
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

    private HttpClient Client()
    {
        var client = App.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Options.AccessToken);
        return client;
    }
}
