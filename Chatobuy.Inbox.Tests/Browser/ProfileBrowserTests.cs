using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Chatobuy.Inbox.Tests.Browser;

/// <summary>An admin edits the business profile in the browser; the customer's phone shows it; an agent only reads it.</summary>
public sealed class ProfileBrowserTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";

    // A 1 × 1 green PNG.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private readonly InboxApp _app = new();
    private Channel _channel = default!;

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        await using var scope = _app.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        (await users.CreateFirstAdminAsync("ada@example.com", "Ada", Password)).Succeeded.ShouldBeTrue();
        (await users.CreateAsync("bob@example.com", "Bob", Roles.Agent, Password)).Succeeded.ShouldBeTrue();
        _channel = await SandboxChannel.ConnectAsync(_app, "Store");
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task AdminEditsProfile_CustomerPhoneShowsIt_AgentSeesItReadOnly()
    {
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        try
        {
            var ada = await SignInAsync(browser, "ada@example.com");
            await ada.GotoAsync($"/channels/{_channel.Id}");
            await ada.WaitForInteractiveAsync();
            await ada.Locator("[data-testid=channel-menu] button").First.ClickAsync();
            await ada.Locator("[data-testid=menu-profile]").ClickAsync();
            await Assertions.Expect(ada.Locator("input[data-testid=profile-about]")).ToHaveValueAsync("Plants, pots and garden tools 🌱");

            await ada.FillAsync("input[data-testid=profile-about]", "Open every day, 8 to 8");
            await ada.FillAsync("input[data-testid=profile-email]", "hello@plants.example");
            await Assertions.Expect(ada.Locator("[data-testid=preview-about]")).ToHaveTextAsync("Open every day, 8 to 8");
            await ada.Locator("div.mud-select:has([data-testid=profile-vertical])").First.ClickAsync();
            await ada.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasText = "Hotel and Lodging" }).ClickAsync();
            await Assertions.Expect(ada.Locator("[data-testid=preview-vertical]")).ToHaveTextAsync("Hotel and Lodging");
            await ada.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "shop.png", MimeType = "image/png", Buffer = Png });
            await Assertions.Expect(ada.Locator("[data-testid=picture-chosen]")).ToContainTextAsync("shop.png");
            await ada.ClickAsync("[data-testid=profile-save]");
            await Assertions.Expect(ada.Locator(".mud-snackbar")).ToContainTextAsync("Profile saved.");

            var phone = await ada.Context.NewPageAsync();
            await phone.GotoAsync("/sandbox/phone");
            await phone.WaitForInteractiveAsync();
            await Assertions.Expect(phone.Locator("[data-testid=business-info-about]")).ToHaveTextAsync("Open every day, 8 to 8");
            await Assertions.Expect(phone.Locator("[data-testid=business-info-vertical]")).ToContainTextAsync("Hotel and Lodging");
            await Assertions.Expect(phone.Locator("[data-testid=business-info-email]")).ToContainTextAsync("hello@plants.example");
            await Assertions.Expect(phone.Locator("[data-testid=business-info-picture]")).ToBeVisibleAsync();
            (await phone.Locator("[data-testid=business-info-picture]").EvaluateAsync<int>("img => img.naturalWidth")).ShouldBe(1);

            var bob = await SignInAsync(browser, "bob@example.com");
            await bob.GotoAsync($"/channels/{_channel.Id}");
            await bob.WaitForInteractiveAsync();
            await Assertions.Expect(bob.Locator("[data-testid=profile-card] [data-testid=preview-about]")).ToHaveTextAsync("Open every day, 8 to 8");
            await Assertions.Expect(bob.Locator("[data-testid=profile-read-only]")).ToBeVisibleAsync();
            await Assertions.Expect(bob.Locator("[data-testid=profile-manage]")).ToHaveCountAsync(0);
            await Assertions.Expect(bob.Locator("[data-testid=channel-menu]")).ToHaveCountAsync(0);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private Task<IPage> SignInAsync(IBrowser browser, string email) => browser.SignInAsync(_app.BaseAddress, email, Password);
}
