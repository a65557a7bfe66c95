using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Chatobuy.Inbox.Tests.Browser;

/// <summary>Two agents in their own browsers: Ada assigns a conversation to Bob, and Bob's bell tells him at once.</summary>
public sealed class NotificationsBrowserTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private readonly InboxApp _app = new();
    private Channel _channel = default!;

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        await using var scope = _app.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        (await users.CreateFirstAdminAsync("ada@example.com", "Ada", Password)).Succeeded.ShouldBeTrue();
        (await users.CreateAsync("bob@example.com", "Bob", Roles.Agent, Password)).Succeeded.ShouldBeTrue();
        _channel = await SandboxChannel.ConnectAsync(_app, "Support");
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Assignment_TheAssigneeSeesTheNotificationLive_AndOpensTheConversationFromIt()
    {
        var conversation = await SandboxCustomer.WritesAsync(_app, _channel, "5511987651001", "Can someone check my refund?");
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        try
        {
            var bob = await browser.SignInAsync(_app.BaseAddress, "bob@example.com", Password);
            await bob.GotoAsync("/inbox");
            await bob.WaitForInteractiveAsync();
            await Assertions.Expect(bob.Locator("[data-testid=availability-current]")).ToContainTextAsync("Online");

            // The new conversation already told Bob; he clears it.
            await Assertions.Expect(bob.Locator("[data-testid=notification-count]")).ToHaveTextAsync("1");
            await bob.ClickAsync("[data-testid=notification-bell]");
            await Assertions.Expect(bob.Locator("[data-testid=notification-title]")).ToHaveTextAsync(["New conversation on Support"]);
            await bob.ClickAsync("[data-testid=notifications-read-all]");
            await Assertions.Expect(bob.Locator("[data-testid=notification-count]")).ToHaveCountAsync(0);
            await bob.ClickAsync("[data-testid=notification-bell]");

            // Ada sees Bob online beside his name, and assigns the conversation to him.
            var ada = await browser.SignInAsync(_app.BaseAddress, "ada@example.com", Password);
            await ada.GotoAsync($"/inbox/{conversation}");
            await ada.WaitForInteractiveAsync();
            await ada.Locator("[data-testid=assignee]").ClickAsync();
            var bobItem = ada.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Bob" });
            await Assertions.Expect(bobItem.Locator("[data-testid=availability]")).ToHaveAttributeAsync("data-availability", "Online");
            await bobItem.ClickAsync();

            // Bob's bell counts it without a reload, and the tab's title carries the count.
            await Assertions.Expect(bob.Locator("[data-testid=notification-count]")).ToHaveTextAsync("1");
            await Assertions.Expect(bob).ToHaveTitleAsync("(1) Inbox · Chatobuy Inbox");
            await bob.ClickAsync("[data-testid=notification-bell]");
            var newest = bob.Locator("[data-testid=notification]").First;
            await Assertions.Expect(newest.Locator("[data-testid=notification-title]")).ToHaveTextAsync("Ada assigned you a conversation");
            await Assertions.Expect(newest).ToHaveAttributeAsync("data-read", "false");

            // Opening it leads to the conversation, now in Bob's "Mine" tab, and clears the count.
            await newest.Locator("a").ClickAsync();
            await Assertions.Expect(bob).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/inbox/{conversation}$"));
            await Assertions.Expect(bob.Locator("[data-testid=chat-title]")).ToBeVisibleAsync();
            await Assertions.Expect(bob.Locator("[data-testid=notification-count]")).ToHaveCountAsync(0);
            await Assertions.Expect(bob).ToHaveTitleAsync("Inbox · Chatobuy Inbox");
            await Assertions.Expect(bob.Locator("[data-testid=tab-mine] [data-testid=tab-count]")).ToHaveTextAsync("1");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
