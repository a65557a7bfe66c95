using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Chatobuy.Inbox.Tests.Browser;

/// <summary>Two agents in their own browsers; the customer writes from the Sandbox phone; everyone sees it live.</summary>
public sealed class LiveInboxBrowserTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private readonly InboxApp _app = new();
    private Channel _channel = default!;

    public async Task InitializeAsync()
    {
        _app.Settings["Sandbox:StatusDelaysMilliseconds"] = "50,150,300";
        _app.Settings["Sandbox:Webhooks:RetryBaseMilliseconds"] = "50";
        await _app.InitializeAsync();
        await using var scope = _app.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        (await users.CreateFirstAdminAsync("ada@example.com", "Ada", Password)).Succeeded.ShouldBeTrue();
        (await users.CreateAsync("bob@example.com", "Bob", Roles.Agent, Password)).Succeeded.ShouldBeTrue();

        _channel = await SandboxChannel.ConnectAsync(_app, "Support");
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task CustomerMessage_AppearsForBothAgents_ReplyReachesThePhoneAndTurnsRead()
    {
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        try
        {
            var ada = await SignInAsync(browser, "ada@example.com");
            var bob = await SignInAsync(browser, "bob@example.com");
            foreach (var agent in new[] { ada, bob })
            {
                await agent.GotoAsync("/inbox");
                await agent.WaitForInteractiveAsync();
                await Assertions.Expect(agent.Locator("[data-testid=no-conversations]")).ToBeVisibleAsync();
            }

            // The customer writes from the Sandbox phone (Ada is an Admin, so she can open it in another tab).
            var phone = await ada.Context.NewPageAsync();
            await phone.GotoAsync("/sandbox/phone");
            await phone.WaitForInteractiveAsync();
            await phone.FillAsync("[data-testid=text-input] input, input[data-testid=text-input]", "Hello, is anyone there?");
            await phone.ClickAsync("[data-testid=send-text]");

            // Both inboxes show it without a reload.
            foreach (var agent in new[] { ada, bob })
            {
                await Assertions.Expect(agent.Locator("[data-testid=conversation]")).ToHaveCountAsync(1);
                await Assertions.Expect(agent.Locator("[data-testid=preview]")).ToHaveTextAsync("Hello, is anyone there?");
            }

            // Ada answers.
            await ada.Locator("[data-testid=conversation]").ClickAsync();
            await Assertions.Expect(ada.Locator("[data-testid=bubble] [data-testid=text]")).ToHaveTextAsync("Hello, is anyone there?");
            await ada.FillAsync("[data-testid=composer-input]", "Hi! Ada here, how can I help?");
            await ada.PressAsync("[data-testid=composer-input]", "Enter");

            // The customer's phone shows the reply, and Ada's ticks turn to read.
            // (The send goes through the outbox, the Sandbox and its status webhooks: on a busy machine that takes a while.)
            await Assertions.Expect(phone.Locator("[data-testid=business-bubble-text]")).ToHaveTextAsync("Hi! Ada here, how can I help?", new() { Timeout = 20_000 });
            var ticks = ada.Locator("[data-testid=bubble][data-type=text] [data-testid=ticks]").Last;
            await Assertions.Expect(ticks).ToHaveAttributeAsync("data-status", "Read", new() { Timeout = 20_000 });
            await Assertions.Expect(ada.Locator("[data-testid=composer-input]")).ToHaveValueAsync("");

            // Bob's list follows the conversation too.
            await Assertions.Expect(bob.Locator("[data-testid=preview]")).ToHaveTextAsync("Hi! Ada here, how can I help?");
            // Presence: Ada sees Bob open the conversation, then sees him typing.
            await bob.Locator("[data-testid=conversation]").ClickAsync();
            // People are shown by the name given them, the e-mail on hover; the presence line sits under the channel line.
            await Assertions.Expect(ada.Locator("[data-testid=presence]")).ToHaveTextAsync("Also viewing: Bob");
            await Assertions.Expect(ada.Locator("[data-testid=presence-name]")).ToHaveAttributeAsync("title", "bob@example.com");
            var channelLine = (await ada.Locator("[data-testid=chat-subtitle]").BoundingBoxAsync())!;
            var presenceLine = (await ada.Locator("[data-testid=presence]").BoundingBoxAsync())!;
            presenceLine.Y.ShouldBeGreaterThanOrEqualTo(channelLine.Y + channelLine.Height - 1);
            (await ada.Locator("[data-testid=chat-pane]").InnerTextAsync()).ShouldNotContain("SupportAlso viewing");
            await Assertions.Expect(ada.Locator("[data-testid=signed-in-as]")).ToHaveTextAsync("Ada");
            await Assertions.Expect(ada.Locator("[data-testid=signed-in-as] span")).ToHaveAttributeAsync("title", "ada@example.com");
            await bob.Locator("[data-testid=composer-input]").PressSequentiallyAsync("Let me check");
            await Assertions.Expect(ada.Locator("[data-testid=presence]")).ToHaveTextAsync("Bob typing a reply…");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task CustomerOrder_TheAgentSeesProductNamesFromTheCatalog()
    {
        using (var client = _app.CreateHttpClient())
        {
            var order = new System.Text.Json.Nodes.JsonObject
            {
                ["phone_number_id"] = _channel.PhoneNumberId,
                ["name"] = "Maria",
                ["type"] = "order",
                ["order"] = System.Text.Json.Nodes.JsonNode.Parse($$"""
                    {"catalog_id":"{{Chatobuy.Inbox.Sandbox.State.SandboxCatalog.CatalogId}}","product_items":[
                      {"product_retailer_id":"MUG-BLUE","quantity":2,"item_price":12.5,"currency":"USD"},
                      {"product_retailer_id":"CAP-RED","quantity":1,"item_price":15,"currency":"USD"}]}
                    """),
            };
            (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, "/sandbox/customers/5511987650000/messages", order)).EnsureSuccessStatusCode();
        }

        var (playwright, browser) = await BrowserSession.LaunchAsync();
        try
        {
            var ada = await SignInAsync(browser, "ada@example.com");
            await ada.GotoAsync("/inbox");
            await ada.WaitForInteractiveAsync();
            await ada.Locator("[data-testid=conversation]").ClickAsync();

            var names = ada.Locator("[data-testid=order-item-name]");
            await Assertions.Expect(names).ToHaveTextAsync(["Blue ceramic mug", "Red cap"]);
            await Assertions.Expect(names.First).ToHaveAttributeAsync("title", "MUG-BLUE");
            await Assertions.Expect(ada.Locator("[data-testid=order]")).Not.ToContainTextAsync(Chatobuy.Inbox.Sandbox.State.SandboxCatalog.CatalogId);
            await Assertions.Expect(ada.Locator("[data-testid=order-total]")).ToHaveTextAsync("40.00 USD");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task Filters_StatusScopeAndChannel_TheListFollowsTheAgentsChoice()
    {
        await SandboxCustomer.WritesAsync(_app, _channel, "5511987650001", "Is my order on its way?");
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        try
        {
            var ada = await SignInAsync(browser, "ada@example.com");
            await ada.GotoAsync("/inbox");
            await ada.WaitForInteractiveAsync();
            await Assertions.Expect(ada.Locator("[data-testid=conversation]")).ToHaveCountAsync(1);

            await ada.SelectOptionAsync("[data-testid=filter-status]", "Resolved");
            await Assertions.Expect(ada.Locator("[data-testid=no-conversations]")).ToHaveTextAsync("No conversations match.");
            await ada.SelectOptionAsync("[data-testid=filter-status]", "Open");
            await Assertions.Expect(ada.Locator("[data-testid=conversation]")).ToHaveCountAsync(1);

            // Nobody is assigned yet: the tabs say so; "Mine" is empty, "Unassigned" has it.
            await Assertions.Expect(ada.Locator("[data-testid=scope-tabs] [data-testid=tab-count]")).ToHaveTextAsync(["0", "1", "1"]);
            await ada.ClickAsync("[data-testid=tab-mine]");
            await Assertions.Expect(ada.Locator("[data-testid=no-conversations]")).ToBeVisibleAsync();
            await ada.ClickAsync("[data-testid=tab-unassigned]");
            await Assertions.Expect(ada.Locator("[data-testid=conversation]")).ToHaveCountAsync(1);

            await Assertions.Expect(ada.Locator("[data-testid=filter-channel] option")).ToHaveTextAsync(["All channels", "Support (default)"]);
            await ada.SelectOptionAsync("[data-testid=filter-channel]", new SelectOptionValue { Label = "Support (default)" });
            await Assertions.Expect(ada.Locator("[data-testid=conversation]")).ToHaveCountAsync(1);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private Task<IPage> SignInAsync(IBrowser browser, string email) => browser.SignInAsync(_app.BaseAddress, email, Password);
}
