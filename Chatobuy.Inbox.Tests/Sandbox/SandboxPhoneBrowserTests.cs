using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Sandbox;
using Chatobuy.Inbox.Sandbox.Customer;
using Chatobuy.Inbox.Sandbox.State;
using Chatobuy.Inbox.Tests.Browser;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Chatobuy.Inbox.Tests.Sandbox;

/// <summary>
/// In Chromium, the customer phone's sheets work as on WhatsApp: the list opens over the chat and the chosen row is
/// sent; a multi-product message shows the Sandbox's own product pictures and its cart is sent as an order.
/// </summary>
public sealed class SandboxPhoneBrowserTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private readonly InboxApp _app = new();

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        await using var scope = _app.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        (await users.CreateFirstAdminAsync("ada@example.com", "Ada", Password)).Succeeded.ShouldBeTrue();
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task ListAndProducts_CustomerTapsInTheBrowser_RowAndCartAreSent()
    {
        var state = _app.Services.GetRequiredService<SandboxState>();
        var phone = state.PhoneNumbers[0];
        using (var client = _app.CreateHttpClient())
        {
            var hello = new JsonObject { ["phone_number_id"] = phone.Id, ["type"] = "text", ["text"] = new JsonObject { ["body"] = "Hello" } };
            (await client.PostAsJsonAsync($"/sandbox/customers/{SandboxCustomers.DefaultWaId}/messages", hello)).EnsureSuccessStatusCode();
        }

        await BusinessSendsAsync(phone.Id, """
            {"type":"list","body":{"text":"Our menu"},"action":{"button":"See menu","sections":[
              {"title":"Drinks","rows":[{"id":"tea","title":"Green tea","description":"Hot, 300 ml"}]},
              {"title":"Cakes","rows":[{"id":"cheesecake","title":"Cheesecake","description":"New York style"}]}]}}
            """);
        await BusinessSendsAsync(phone.Id, $$$"""
            {"type":"product_list","header":{"type":"text","text":"Autumn picks"},"body":{"text":"Tap to browse"},
             "action":{"catalog_id":"{{{SandboxCatalog.CatalogId}}}","sections":[{"title":"Kitchen","product_items":[{"product_retailer_id":"MUG-BLUE"},{"product_retailer_id":"CAP-RED"}]}]}}
            """);

        var (playwright, browser) = await BrowserSession.LaunchAsync();
        try
        {
            var ada = await browser.SignInAsync(_app.BaseAddress, "ada@example.com", Password);
            await ada.GotoAsync("/sandbox/phone");
            await ada.WaitForInteractiveAsync();

            await ada.ClickAsync("[data-testid=interactive-list-open]");
            await Assertions.Expect(ada.Locator("[data-testid=phone-sheet]")).ToBeVisibleAsync();
            await ada.ClickAsync("[data-testid=sheet-row][data-id=cheesecake]");
            await ada.ClickAsync("[data-testid=sheet-send-row]");
            await Assertions.Expect(ada.Locator("[data-testid=phone-sheet]")).ToHaveCountAsync(0);
            await Assertions.Expect(ada.Locator("[data-testid=bubble] [data-testid=bubble-text]").Last).ToHaveTextAsync("Tapped: Cheesecake");

            var picture = ada.Locator("[data-testid=interactive-products] [data-testid=product-card][data-retailer-id=MUG-BLUE] img");
            await Assertions.Expect(picture).ToBeVisibleAsync();
            (await picture.EvaluateAsync<int>("img => img.naturalWidth")).ShouldBeGreaterThan(0);
            await ada.ClickAsync("[data-testid=interactive-products-open]");
            await ada.ClickAsync("[data-testid=sheet-product][data-retailer-id=MUG-BLUE] [data-testid=sheet-more]");
            await Assertions.Expect(ada.Locator("[data-testid=sheet-cart-summary]")).ToHaveTextAsync("1 item(s) · 12.50 USD");
            await ada.ClickAsync("[data-testid=sheet-send-cart]");
            await Assertions.Expect(ada.Locator("[data-testid=bubble] [data-testid=bubble-text]").Last).ToHaveTextAsync("🛒 Order of 1 item(s)");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }

        var sent = _app.Services.GetRequiredService<SandboxCustomers>().Conversation(phone.Id, SandboxCustomers.DefaultWaId);
        sent[^2].Message["interactive"]!["list_reply"]!["id"]!.GetValue<string>().ShouldBe("cheesecake");
        sent[^1].Message["order"]!["product_items"]![0]!["product_retailer_id"]!.GetValue<string>().ShouldBe("MUG-BLUE");
    }

    private async Task BusinessSendsAsync(string phoneNumberId, string interactive)
    {
        using var client = _app.CreateHttpClient();
        var token = _app.Services.GetRequiredService<IOptions<SandboxOptions>>().Value.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var body = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["to"] = SandboxCustomers.DefaultWaId,
            ["type"] = "interactive",
            ["interactive"] = JsonNode.Parse(interactive),
        };
        var response = await client.PostAsJsonAsync($"/sandbox/graph/v23.0/{phoneNumberId}/messages", body);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
    }
}
