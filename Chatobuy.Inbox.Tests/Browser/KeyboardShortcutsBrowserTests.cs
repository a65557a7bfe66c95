using System.Text.RegularExpressions;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Chatobuy.Inbox.Tests.Browser;

/// <summary>An agent works the inbox from the keyboard: <c>?</c> lists the shortcuts, Alt+↓/↑ move through the conversations.</summary>
public sealed partial class KeyboardShortcutsBrowserTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private readonly InboxApp _app = new();
    private Channel _channel = default!;

    public async Task InitializeAsync()
    {
        _app.Settings["Sandbox:Webhooks:RetryBaseMilliseconds"] = "50";
        await _app.InitializeAsync();
        await using var scope = _app.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        (await users.CreateFirstAdminAsync("ada@example.com", "Ada", Password)).Succeeded.ShouldBeTrue();
        _channel = await SandboxChannel.ConnectAsync(_app, "Support");
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Keyboard_QuestionMarkShowsTheShortcutsAndAltArrowsMoveThroughTheList()
    {
        await SandboxCustomer.WritesAsync(_app, _channel, "447700900101", "First question");
        await SandboxCustomer.WritesAsync(_app, _channel, "447700900102", "Second question");
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        try
        {
            var ada = await browser.SignInAsync(_app.BaseAddress, "ada@example.com", Password);
            await ada.GotoAsync("/inbox");
            await ada.WaitForInteractiveAsync();
            var rows = ada.Locator("[data-testid=conversation]");
            await Assertions.Expect(rows).ToHaveCountAsync(2);
            var top = await rows.Nth(0).GetAttributeAsync("data-id");
            var below = await rows.Nth(1).GetAttributeAsync("data-id");
            await rows.Nth(0).ClickAsync();
            await Assertions.Expect(ada).ToHaveURLAsync(new Regex($"/inbox/{top}$"));
            await Assertions.Expect(ada.Locator("[data-testid=chat-pane]")).ToBeVisibleAsync();

            // "?" lists the shortcuts; Esc closes the list.
            await ada.Keyboard.PressAsync("?");
            var overlay = ada.Locator("[data-testid=shortcuts-overlay]");
            await Assertions.Expect(overlay).ToBeVisibleAsync();
            await Assertions.Expect(overlay).ToContainTextAsync("Next conversation");
            await Assertions.Expect(overlay).ToContainTextAsync("Open quick replies");
            await ada.Keyboard.PressAsync("Escape");
            await Assertions.Expect(overlay).ToHaveCountAsync(0);

            // Alt+↓ opens the next conversation of the list.
            await ada.Keyboard.PressAsync("Alt+ArrowDown");
            await Assertions.Expect(ada).ToHaveURLAsync(new Regex($"/inbox/{below}$"));
            await Assertions.Expect(ada.Locator(".conversation-row.selected")).ToHaveAttributeAsync("data-id", below!);

            // R puts the cursor in the composer; Alt+↑ still works there, while a plain J is typed, not obeyed.
            await ada.Keyboard.PressAsync("r");
            var composer = ada.Locator("[data-testid=composer-input]");
            await Assertions.Expect(composer).ToBeFocusedAsync();
            await ada.Keyboard.PressAsync("j");
            await Assertions.Expect(composer).ToHaveValueAsync("j");
            await Assertions.Expect(ada).ToHaveURLAsync(new Regex($"/inbox/{below}$"));
            await ada.Keyboard.PressAsync("Alt+ArrowUp");
            await Assertions.Expect(ada).ToHaveURLAsync(new Regex($"/inbox/{top}$"));

            // "/" outside a field opens quick replies: the composer gets the focus and the "/".
            await composer.FillAsync("");
            await composer.BlurAsync();
            await Assertions.Expect(composer).Not.ToBeFocusedAsync();
            await ada.Keyboard.PressAsync("/");
            await Assertions.Expect(composer).ToBeFocusedAsync();
            await Assertions.Expect(composer).ToHaveValueAsync("/");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
