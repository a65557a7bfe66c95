using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Chatobuy.Inbox.Tests.Browser;

/// <summary>An admin paused the channel's sending: the agent is told, the reply waits, and goes once resumed.</summary>
public sealed class PausedSendingBrowserTests : IAsyncLifetime
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
        _channel = await SandboxChannel.ConnectAsync(_app, "Support");
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task ReplyWhilePaused_WarnedAndHeldInTheQueue_SentOnceResumed()
    {
        var conversation = await SandboxCustomer.WritesAsync(_app, _channel, "5511977000001", "Where is my parcel?");
        await SetPausedAsync(true);
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        try
        {
            var ada = await browser.SignInAsync(_app.BaseAddress, "ada@example.com", Password);
            await ada.GotoAsync($"/inbox/{conversation}");
            await ada.WaitForInteractiveAsync();

            await Assertions.Expect(ada.Locator("[data-testid=sending-paused]")).ToContainTextAsync("Sending is paused on this channel");
            await Assertions.Expect(ada.Locator("[data-testid=bubble] [data-testid=text]")).ToHaveTextAsync("Where is my parcel?");
            await ada.Locator("[data-testid=composer-input]").PressSequentiallyAsync("Let me check that for you.");
            await Assertions.Expect(ada.Locator("[data-testid=composer-input]")).ToHaveValueAsync("Let me check that for you.");
            await ada.ClickAsync("[data-testid=send]");
            var ticks = ada.Locator("[data-testid=bubble][data-type=text] [data-testid=ticks]").Last;
            await Assertions.Expect(ticks).ToHaveAttributeAsync("data-status", "Pending", new() { Timeout = 20_000 });

            // Still held after the sender has had several chances to send it.
            await Task.Delay(1500);
            await Assertions.Expect(ticks).ToHaveAttributeAsync("data-status", "Pending", new() { Timeout = 20_000 });

            await SetPausedAsync(false);
            await Assertions.Expect(ticks).ToHaveAttributeAsync("data-status", "Read", new() { Timeout = 20_000 });
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private async Task SetPausedAsync(bool paused)
    {
        await using var scope = _app.CreateScope();
        var channels = scope.ServiceProvider.GetRequiredService<ChannelService>();
        (await channels.UpdateAsync(_channel.Id, new EditChannelModel { Title = "Support", SendingPaused = paused })).Succeeded.ShouldBeTrue();
    }
}
