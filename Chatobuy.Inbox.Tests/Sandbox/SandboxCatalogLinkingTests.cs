using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Sandbox.State;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Sandbox;

/// <summary>
/// The business's catalogs and what an account does with them (commerce reference §1–2): two owned catalogs, one linked
/// per account with Meta's refusals, commerce settings per number, and product messages checked against the account's
/// linked catalog. The second account is the one changed, so the first keeps the seeded shop.
/// </summary>
public sealed class SandboxCatalogLinkingTests(InboxApp app) : SandboxTestBase(app)
{
    private SandboxWaba Account => State.Wabas[1];

    private SandboxPhoneNumber Phone => State.PhoneNumbersOf(Account.Id)[0];

    [Fact]
    public async Task OwnedCatalogs_BothCatalogsWithTheirProductCounts()
    {
        using var client = Client();

        var owned = await ReadAsync(client, $"{State.BusinessId}/owned_product_catalogs?fields=id,name,vertical,product_count");
        var shared = await ReadAsync(client, $"{State.BusinessId}/client_product_catalogs?fields=id,name");

        owned["data"]!.AsArray().Select(c => c!.ToJsonString()).ShouldBe([
            $$"""{"id":"{{SandboxCatalog.CatalogId}}","name":"Chatobuy Sandbox Shop","vertical":"commerce","product_count":8}""",
            $$"""{"id":"{{SandboxOutletCatalog.CatalogId}}","name":"Chatobuy Sandbox Outlet HK","vertical":"commerce","product_count":60}""",
        ]);
        shared["data"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task OutletProducts_SixtyOverThreePagesOfTwentyFive_WithHongKongPrices()
    {
        using var client = Client();
        var seen = new List<JsonNode>();
        string? url = $"/sandbox/graph/v23.0/{SandboxOutletCatalog.CatalogId}/products?fields=retailer_id,name,price,currency,availability,image_url&limit=25";
        var pages = 0;

        while (url is not null)
        {
            var page = JsonNode.Parse(await client.GetStringAsync(url))!;
            pages++;
            seen.AddRange(page["data"]!.AsArray().Select(p => p!));
            url = page["paging"]?["next"]?.GetValue<string>();
            pages.ShouldBeLessThan(5);
        }

        pages.ShouldBe(3);
        seen.Count.ShouldBe(60);
        seen.Select(p => p["retailer_id"]!.GetValue<string>()).Distinct().Count().ShouldBe(60);
        var shirt = seen.Single(p => p["retailer_id"]!.GetValue<string>() == "HK-LINEN-SHIRT-NAVY");
        shirt["name"]!.GetValue<string>().ShouldBe("Linen shirt (navy)");
        shirt["price"]!.GetValue<string>().ShouldBe("HK$420.00");
        shirt["currency"]!.GetValue<string>().ShouldBe("HKD");
        seen.Single(p => p["retailer_id"]!.GetValue<string>() == "HK-BACKPACK-SAND")["price"]!.GetValue<string>().ShouldBe("HK$1,300.00");
        seen.Select(p => p["availability"]!.GetValue<string>()).Distinct().ShouldBe(["in stock", "out of stock", "preorder"], ignoreOrder: true);

        using var anonymous = App.CreateHttpClient();
        var image = await anonymous.GetAsync(shirt["image_url"]!.GetValue<string>());
        image.StatusCode.ShouldBe(HttpStatusCode.OK);
        image.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
    }

    [Fact]
    public async Task Link_SecondCatalogWhileOneIsLinked_RefusedWithSubcode2388027_ThenUnlinkAndLinkWork()
    {
        using var client = Client();

        var second = await client.PostAsync($"/sandbox/graph/v23.0/{Account.Id}/product_catalogs?catalog_id={SandboxOutletCatalog.CatalogId}", null);
        second.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var refusal = JsonNode.Parse(await second.Content.ReadAsStringAsync())!["error"]!;
        refusal["code"]!.GetValue<int>().ShouldBe(100);
        refusal["error_subcode"]!.GetValue<int>().ShouldBe(2388027);
        refusal["error_user_msg"]!.GetValue<string>().ShouldContain("maximum one product catalogue");

        var unlink = await client.DeleteAsync($"/sandbox/graph/v23.0/{Account.Id}/product_catalogs?catalog_id={SandboxCatalog.CatalogId}");
        (await unlink.Content.ReadAsStringAsync()).ShouldBe("""{"success":true}""");
        (await ReadAsync(client, $"{Account.Id}/product_catalogs"))["data"]!.AsArray().ShouldBeEmpty();

        // catalog_id as a form field, as Meta's SDK sends it.
        var link = await client.PostAsync(
            $"/sandbox/graph/v23.0/{Account.Id}/product_catalogs",
            new FormUrlEncodedContent([new("catalog_id", SandboxOutletCatalog.CatalogId)]));
        (await link.Content.ReadAsStringAsync()).ShouldBe("""{"success":true}""");
        var linked = await ReadAsync(client, $"{Account.Id}/product_catalogs?fields=id,name,product_count");
        linked["data"]!.AsArray().ShouldHaveSingleItem()!.ToJsonString()
            .ShouldBe($$"""{"id":"{{SandboxOutletCatalog.CatalogId}}","name":"Chatobuy Sandbox Outlet HK","product_count":60}""");
        (await ReadAsync(client, $"{State.Wabas[0].Id}/product_catalogs"))["data"]![0]!["id"]!.GetValue<string>().ShouldBe(SandboxCatalog.CatalogId);

        // Products of the account's catalog only: the outlet's yes, the shop's no.
        var outletProduct = await SendAsync(client, $$"""{"catalog_id":"{{SandboxOutletCatalog.CatalogId}}","product_retailer_id":"HK-TEA-TIN-OLIVE"}""");
        var shopProduct = await SendAsync(client, $$"""{"catalog_id":"{{SandboxCatalog.CatalogId}}","product_retailer_id":"MUG-BLUE"}""");
        outletProduct.StatusCode.ShouldBe(HttpStatusCode.OK);
        shopProduct.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await shopProduct.Content.ReadAsStringAsync())!["error"]!["error_data"]!["details"]!.GetValue<string>()
            .ShouldContain($"must be the catalog linked to this WhatsApp Business Account ({SandboxOutletCatalog.CatalogId})");

        // Back to the seeded state.
        (await client.DeleteAsync($"/sandbox/graph/v23.0/{Account.Id}/product_catalogs?catalog_id={SandboxOutletCatalog.CatalogId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var none = await SendAsync(client, $$"""{"catalog_id":"{{SandboxOutletCatalog.CatalogId}}","product_retailer_id":"HK-TEA-TIN-OLIVE"}""");
        JsonNode.Parse(await none.Content.ReadAsStringAsync())!["error"]!["error_data"]!["details"]!.GetValue<string>().ShouldContain("No product catalog is linked");
        (await client.PostAsync($"/sandbox/graph/v23.0/{Account.Id}/product_catalogs?catalog_id={SandboxCatalog.CatalogId}", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Link_UnknownForeignOrMissingCatalog_AnswersMetasErrors()
    {
        using var client = Client();

        var unknown = await client.PostAsync($"/sandbox/graph/v23.0/{Account.Id}/product_catalogs?catalog_id=999000000000000", null);
        var foreign = await client.PostAsync($"/sandbox/graph/v23.0/{Account.Id}/product_catalogs?catalog_id={SandboxCatalogs.ForeignCatalogId}", null);
        var missing = await client.PostAsync($"/sandbox/graph/v23.0/{Account.Id}/product_catalogs", null);
        var notLinked = await client.DeleteAsync($"/sandbox/graph/v23.0/{Account.Id}/product_catalogs?catalog_id={SandboxOutletCatalog.CatalogId}");
        var onPhone = await client.PostAsync($"/sandbox/graph/v23.0/{Phone.Id}/product_catalogs?catalog_id={SandboxCatalog.CatalogId}", null);
        var foreignProducts = await client.GetAsync($"/sandbox/graph/v23.0/{SandboxCatalogs.ForeignCatalogId}/products?fields=name");

        (await CodeAsync(unknown)).ShouldBe((HttpStatusCode.BadRequest, 100));
        (await CodeAsync(foreign)).ShouldBe((HttpStatusCode.Forbidden, 200));
        (await CodeAsync(missing)).ShouldBe((HttpStatusCode.BadRequest, 100));
        (await CodeAsync(notLinked)).ShouldBe((HttpStatusCode.BadRequest, 100));
        (await CodeAsync(onPhone)).ShouldBe((HttpStatusCode.BadRequest, 100));
        (await CodeAsync(foreignProducts)).ShouldBe((HttpStatusCode.Forbidden, 200));
        App.Services.GetRequiredService<SandboxCatalogs>().LinkedTo(Account.Id)!.Id.ShouldBe(SandboxCatalog.CatalogId);
    }

    [Fact]
    public async Task CommerceSettings_DefaultsThenQueryParameters_AsMetaAnswers()
    {
        using var client = Client();
        var phone = State.PhoneNumbersOf(State.Wabas[0].Id)[1];

        var before = await ReadAsync(client, $"{phone.Id}/whatsapp_commerce_settings");
        var set = await client.PostAsync($"/sandbox/graph/v23.0/{phone.Id}/whatsapp_commerce_settings?is_catalog_visible=true", null);
        var after = await ReadAsync(client, $"{phone.Id}/whatsapp_commerce_settings");
        var cartOff = await client.PostAsync($"/sandbox/graph/v23.0/{phone.Id}/whatsapp_commerce_settings?is_cart_enabled=false&is_catalog_visible=false", null);
        var last = await ReadAsync(client, $"{phone.Id}/whatsapp_commerce_settings");

        var settings = before["data"]!.AsArray().ShouldHaveSingleItem()!;
        settings["is_cart_enabled"]!.GetValue<bool>().ShouldBeTrue();
        settings["is_catalog_visible"]!.GetValue<bool>().ShouldBeFalse();
        settings["id"]!.GetValue<string>().ShouldMatch("^[0-9]{15}$");
        (await set.Content.ReadAsStringAsync()).ShouldBe("""{"success":true}""");
        after["data"]![0]!["is_catalog_visible"]!.GetValue<bool>().ShouldBeTrue();
        after["data"]![0]!["is_cart_enabled"]!.GetValue<bool>().ShouldBeTrue();
        cartOff.StatusCode.ShouldBe(HttpStatusCode.OK);
        last["data"]![0]!["is_cart_enabled"]!.GetValue<bool>().ShouldBeFalse();
        last["data"]![0]!["is_catalog_visible"]!.GetValue<bool>().ShouldBeFalse();
        (await client.PostAsync($"/sandbox/graph/v23.0/{phone.Id}/whatsapp_commerce_settings?is_cart_enabled=true", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CommerceSettings_BadValueNoValueOrNotANumber_AnswerCode100()
    {
        using var client = Client();

        var bad = await client.PostAsync($"/sandbox/graph/v23.0/{Phone.Id}/whatsapp_commerce_settings?is_cart_enabled=yes", null);
        var none = await client.PostAsync($"/sandbox/graph/v23.0/{Phone.Id}/whatsapp_commerce_settings", null);
        var unknown = await client.PostAsync($"/sandbox/graph/v23.0/{Phone.Id}/whatsapp_commerce_settings?is_shop_open=true", null);
        var onAccount = await client.GetAsync($"/sandbox/graph/v23.0/{Account.Id}/whatsapp_commerce_settings");

        (await CodeAsync(bad)).ShouldBe((HttpStatusCode.BadRequest, 100));
        (await CodeAsync(none)).ShouldBe((HttpStatusCode.BadRequest, 100));
        (await CodeAsync(unknown)).ShouldBe((HttpStatusCode.BadRequest, 100));
        (await CodeAsync(onAccount)).ShouldBe((HttpStatusCode.BadRequest, 100));
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, string action) =>
        await client.PostAsync(
            $"/sandbox/graph/v23.0/{Phone.Id}/messages",
            new StringContent(
                $$$"""{"messaging_product":"whatsapp","to":"85291234567","type":"interactive","interactive":{"type":"product","action":{{{action}}}}}""",
                Encoding.UTF8,
                "application/json"));

    private static async Task<(HttpStatusCode, int)> CodeAsync(HttpResponseMessage response) =>
        (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<int>());

    private static async Task<JsonNode> ReadAsync(HttpClient client, string path) =>
        JsonNode.Parse(await client.GetStringAsync($"/sandbox/graph/v23.0/{path}"))!;

    private HttpClient Client()
    {
        var client = App.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Options.AccessToken);
        return client;
    }
}
