using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Chatobuy.Inbox.Tests.Browser;

/// <summary>
/// An Admin builds a reply-button message, an agent sends it from the composer, the customer taps a button on the
/// Sandbox phone, and the agent sees the reply arrive live with the tapped button's id.
/// </summary>
public sealed class InteractiveBrowserTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private const string Customer = "5511933330000";
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
        _channel = await SandboxChannel.ConnectAsync(_app, "Support");
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task AdminBuildsButtons_AgentSendsThem_CustomerTaps_AgentSeesTheReplyLive()
    {
        var conversation = await SandboxCustomer.WritesAsync(_app, _channel, Customer, "When can you deliver?");
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        try
        {
            var ada = await browser.SignInAsync(_app.BaseAddress, "ada@example.com", Password);

            // The Admin builds it.
            await ada.GotoAsync($"/channels/{_channel.Id}/interactive-messages/new");
            await ada.WaitForInteractiveAsync();
            await ada.ClickAsync("[data-testid=type-button]");
            await ada.FillAsync("input[data-testid=name]", "Delivery slot");
            await ada.FillAsync("textarea[data-testid=body]", "Pick a delivery slot, {{contact.name}}");
            await ada.Locator("input[data-testid=button-title]").Nth(0).FillAsync("Morning");
            await ada.ClickAsync("[data-testid=add-button]");
            await ada.Locator("input[data-testid=button-title]").Nth(1).FillAsync("Evening");
            var eveningId = await ada.Locator("input[data-testid=button-id]").Nth(1).InputValueAsync();
            eveningId.ShouldNotBeNullOrWhiteSpace("a new button's callback ID is filled in");
            await ada.ClickAsync("[data-testid=submit]");
            await Assertions.Expect(ada.Locator("[data-testid=interactive-name]", new() { HasTextString = "Delivery slot" })).ToBeVisibleAsync();

            // An agent sends it from the chat.
            await ada.GotoAsync($"/inbox/{conversation}");
            await ada.WaitForInteractiveAsync();
            await ada.ClickAsync("[data-testid=composer-plus]");
            await ada.ClickAsync("[data-testid=open-interactive]");
            await ada.ClickAsync("[data-testid=interactive-option][data-name='Delivery slot'] [data-testid=interactive-send]");
            await Assertions.Expect(ada.Locator("[data-testid=bubble][data-type=interactive]")).ToContainTextAsync("Pick a delivery slot");

            // The customer taps "Evening" on the phone.
            var phone = await ada.Context.NewPageAsync();
            await phone.GotoAsync("/sandbox/phone");
            await phone.WaitForInteractiveAsync();
            await phone.FillAsync("input[data-testid=customer-number]", Customer);
            await phone.PressAsync("input[data-testid=customer-number]", "Tab");
            var buttons = phone.Locator("[data-testid=business-interactive] [data-testid=interactive-reply]");
            await Assertions.Expect(buttons).ToHaveCountAsync(2);
            await buttons.Filter(new() { HasTextString = "Evening" }).ClickAsync();

            // The agent sees it live, with the button's id.
            var reply = ada.Locator("[data-testid=interactive]", new() { HasTextString = "Evening" });
            await Assertions.Expect(reply).ToBeVisibleAsync();
            await Assertions.Expect(reply).ToHaveAttributeAsync("data-reply-id", eveningId);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
