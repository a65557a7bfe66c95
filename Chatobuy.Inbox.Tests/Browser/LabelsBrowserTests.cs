using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Labels;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Chatobuy.Inbox.Tests.Browser;

/// <summary>
/// An agent labels a conversation from the chat header and the list filters by it; a colleague's open inbox shows the
/// label without a reload, and the name the agent gives the customer in the contact panel.
/// </summary>
public sealed class LabelsBrowserTests : IAsyncLifetime
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
        (await users.CreateAsync("bob@example.com", "Bob", Roles.Agent, Password)).Succeeded.ShouldBeTrue();
        (await _app.Services.GetRequiredService<LabelService>().CreateAsync(new LabelModel { Name = "refund", Colour = "#C62828" })).ShouldBeNull();
        _channel = await SandboxChannel.ConnectAsync(_app, "Support");
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Agent_LabelsFromTheHeader_FiltersByIt_AndAColleagueSeesItLive()
    {
        var refundCase = await SandboxCustomer.WritesAsync(_app, _channel, "5511987650001", "I want my money back");
        var question = await SandboxCustomer.WritesAsync(_app, _channel, "5511987650002", "Do you ship to Recife?");

        var (playwright, browser) = await BrowserSession.LaunchAsync();
        try
        {
            var bob = await browser.SignInAsync(_app.BaseAddress, "bob@example.com", Password);
            await bob.GotoAsync("/inbox");
            await bob.WaitForInteractiveAsync();
            await Assertions.Expect(bob.Locator("[data-testid=conversation]")).ToHaveCountAsync(2);

            var ada = await browser.SignInAsync(_app.BaseAddress, "ada@example.com", Password);
            await ada.GotoAsync($"/inbox/{refundCase}");
            await ada.WaitForInteractiveAsync();
            await Assertions.Expect(ada.Locator("[data-testid=chat-pane]")).ToBeVisibleAsync();

            // Ada puts "refund" on the conversation from the chat header.
            await ada.ClickAsync("[data-testid=label-add]");
            await ada.ClickAsync("[data-testid=label-option][data-label=refund]");
            await Assertions.Expect(ada.Locator("[data-testid=conversation-labels] [data-testid=label-chip]")).ToHaveAttributeAsync("data-label", "refund");
            await Assertions.Expect(ada.Locator("[data-testid=contact-labels] [data-testid=label-chip]")).ToHaveTextAsync("refund");

            // Bob's list shows it on the row without a reload, and only there.
            await Assertions.Expect(bob.Locator($"[data-testid=conversation][data-id='{refundCase}'] [data-testid=label-chip]")).ToHaveTextAsync("refund");
            await Assertions.Expect(bob.Locator($"[data-testid=conversation][data-id='{question}'] [data-testid=label-chip]")).ToHaveCountAsync(0);

            // Filtering by the label leaves the refund case alone.
            await bob.SelectOptionAsync("[data-testid=filter-label]", new SelectOptionValue { Label = "refund" });
            await Assertions.Expect(bob.Locator("[data-testid=conversation]")).ToHaveCountAsync(1);
            await Assertions.Expect(bob.Locator("[data-testid=conversation]")).ToHaveAttributeAsync("data-id", refundCase.ToString(System.Globalization.CultureInfo.InvariantCulture));

            // Ada names the customer in the contact panel; the WhatsApp name stays visible and Bob's list follows.
            await ada.ClickAsync("[data-testid=contact-edit]");
            await ada.FillAsync("#contact-name", "Maria (refund pending)");
            await ada.ClickAsync("[data-testid=contact-save]");
            await Assertions.Expect(ada.Locator("[data-testid=contact-display-name]")).ToHaveTextAsync("Maria (refund pending)");
            await Assertions.Expect(ada.Locator("[data-testid=contact-profile-name]")).ToHaveTextAsync("WhatsApp name: Customer");
            await Assertions.Expect(bob.Locator("[data-testid=conversation] .conversation-name")).ToHaveTextAsync("Maria (refund pending)");

            // Taking the label off empties Bob's filtered list.
            await ada.ClickAsync("[data-testid=conversation-labels] [data-testid=label-remove]");
            await Assertions.Expect(ada.Locator("[data-testid=conversation-labels] [data-testid=label-chip]")).ToHaveCountAsync(0);
            await Assertions.Expect(bob.Locator("[data-testid=no-conversations]")).ToBeVisibleAsync();
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
