using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Chatobuy.Inbox.Tests.Browser;

/// <summary>An agent answers a customer whose 24-hour window has closed, with a template, and the phone shows it.</summary>
public sealed class TemplateBrowserTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private const string Customer = "5511922220000";
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
        await TemplateRows.CopyFromSandboxAsync(_app, _channel.WabaId);
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task WindowClosed_AgentSendsATemplate_ThePhoneShowsItFilledIn()
    {
        var conversation = await ClosedConversationAsync();
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        try
        {
            var ada = await browser.SignInAsync(_app.BaseAddress, "ada@example.com", Password);

            await ada.GotoAsync($"/inbox/{conversation}");
            await ada.WaitForInteractiveAsync();
            await Assertions.Expect(ada.Locator("[data-testid=window-closed-explained]")).ToBeVisibleAsync();
            await Assertions.Expect(ada.Locator("[data-testid=composer-input]")).ToHaveCountAsync(0);
            await ada.ClickAsync("[data-testid=open-templates]");
            await ada.FillAsync("input[data-testid=template-search]", "order");
            await ada.Locator("[data-testid=template-option][data-name=order_update][data-language=en_US] [data-testid=template-choose]").ClickAsync();
            await ada.FillAsync("input[data-testid=field-body-1]", "Mark");
            await ada.FillAsync("input[data-testid=field-body-2]", "#10482");
            await ada.FillAsync("input[data-testid=field-body-3]", "Friday");
            await ada.FillAsync("input[data-testid=field-button-0]", "10482");
            await Assertions.Expect(ada.Locator("[data-testid=template-form] [data-testid=template-body]"))
                .ToHaveTextAsync("Hi Mark, your order #10482 is on its way and should arrive by Friday.");
            await ada.ClickAsync("[data-testid=template-send]");

            await Assertions.Expect(ada.Locator("[data-testid=bubble][data-type=template] [data-testid=template-body]"))
                .ToHaveTextAsync("Hi Mark, your order #10482 is on its way and should arrive by Friday.");

            var phone = await ada.Context.NewPageAsync();
            await phone.GotoAsync("/sandbox/phone");
            await phone.WaitForInteractiveAsync();
            await phone.FillAsync("input[data-testid=customer-number]", Customer);
            await phone.PressAsync("input[data-testid=customer-number]", "Tab");
            var template = phone.Locator("[data-testid=business-template][data-template=order_update]");
            await Assertions.Expect(template.Locator("[data-testid=business-bubble-text]"))
                .ToHaveTextAsync("Hi Mark, your order #10482 is on its way and should arrive by Friday.");
            await Assertions.Expect(template.Locator("[data-testid=template-link]")).ToHaveAttributeAsync("href", "https://example.com/track/10482");
            await Assertions.Expect(template.Locator("[data-testid=template-quick-reply]")).ToContainTextAsync("Talk to us");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    /// <summary>The customer wrote 25 hours ago (as far as both the inbox and the Sandbox know).</summary>
    private async Task<long> ClosedConversationAsync()
    {
        using var client = _app.CreateHttpClient();
        var body = new JsonObject { ["phone_number_id"] = _channel.PhoneNumberId, ["name"] = "Customer", ["type"] = "text", ["text"] = new JsonObject { ["body"] = "Hello" } };
        (await client.PostAsJsonAsync($"/sandbox/customers/{Customer}/messages", body)).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/sandbox/customers/{Customer}/last-seen", new JsonObject { ["phone_number_id"] = _channel.PhoneNumberId, ["hours_ago"] = 25 }))
            .EnsureSuccessStatusCode();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = await _app.DbAsync();
            var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.ChannelId == _channel.Id && c.Contact!.WaId == Customer);
            if (conversation is not null)
            {
                conversation.LastInboundAt = DateTimeOffset.UtcNow.AddHours(-25);
                await db.SaveChangesAsync();
                return conversation.Id;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, "the customer's message never arrived");
            await Task.Delay(100);
        }
    }
}
