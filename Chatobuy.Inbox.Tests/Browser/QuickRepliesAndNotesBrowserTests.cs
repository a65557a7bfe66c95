using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Sandbox.State;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Chatobuy.Inbox.Tests.Browser;

/// <summary>
/// An Admin saves a quick reply under Settings → Quick replies; in a chat she types <c>/wh</c>, Enter inserts it filled in,
/// Enter sends it and the customer gets it; then she switches to Private note and mentions a colleague, who sees the
/// note appear in the same chat (and is told of the mention), while the customer gets nothing more.
/// </summary>
public sealed class QuickRepliesAndNotesBrowserTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private const string Customer = "5511955550000";
    private readonly InboxApp _app = new();
    private Channel _channel = default!;
    private string _bobId = "";

    public async Task InitializeAsync()
    {
        _app.Settings["Sandbox:StatusDelaysMilliseconds"] = "50,150,300";
        _app.Settings["Sandbox:Webhooks:RetryBaseMilliseconds"] = "50";
        await _app.InitializeAsync();
        await using (var scope = _app.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            (await users.CreateFirstAdminAsync("ada@example.com", "Ada", Password)).Succeeded.ShouldBeTrue();
            (await users.CreateAsync("bob@example.com", "Bob Stone", Roles.Agent, Password)).Succeeded.ShouldBeTrue();
        }

        await using var db = await _app.DbAsync();
        _bobId = await db.Users.Where(u => u.Email == "bob@example.com").Select(u => u.Id).SingleAsync();
        _channel = await SandboxChannel.ConnectAsync(_app, "Support");
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task AgentTypesSlash_SendsTheQuickReplyFilledIn_ThenLeavesANoteMentioningAColleagueWhoseBellTellsHim()
    {
        var conversation = await SandboxCustomer.WritesAsync(_app, _channel, Customer, "Where is my order?");
        var mentioned = new TaskCompletionSource<AgentMentioned>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = _app.Services.GetRequiredService<InboxEvents>().Subscribe<AgentMentioned>(e =>
        {
            mentioned.TrySetResult(e);
            return Task.CompletedTask;
        });
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        try
        {
            var ada = await browser.SignInAsync(_app.BaseAddress, "ada@example.com", Password);

            // Settings → Quick replies: a shared one.
            await ada.GotoAsync("/settings/quick-replies");
            await ada.WaitForInteractiveAsync();
            await ada.ClickAsync("[data-testid=new-quick-reply]");
            await ada.FillAsync("#quick-reply-shortcut", "where");
            await ada.FillAsync("#quick-reply-title", "Where is my order?");
            await ada.FillAsync("#quick-reply-text", "Hi {{contact.name}}, {{agent.name}} here: your order left our warehouse today.");
            await ada.ClickAsync("[data-testid=save-quick-reply]");
            await Assertions.Expect(ada.Locator("[data-testid=shared-replies] [data-testid=quick-reply-row][data-shortcut=where]")).ToBeVisibleAsync();

            // Bob has the chat open in his own browser.
            var bob = await browser.SignInAsync(_app.BaseAddress, "bob@example.com", Password);
            await bob.GotoAsync($"/inbox/{conversation}");
            await bob.WaitForInteractiveAsync();
            await Assertions.Expect(bob.Locator("[data-testid=bubble] [data-testid=text]")).ToHaveTextAsync("Where is my order?");

            // In the chat: "/wh", Enter inserts it filled in, Enter sends it.
            await ada.GotoAsync($"/inbox/{conversation}");
            await ada.WaitForInteractiveAsync();
            var input = ada.Locator("[data-testid=composer-input]");
            await input.PressSequentiallyAsync("/wh");
            await Assertions.Expect(ada.Locator("[data-testid=quick-reply-option][data-shortcut=where]")).ToBeVisibleAsync();
            await input.PressAsync("Enter");
            const string Filled = "Hi Customer, Ada here: your order left our warehouse today.";
            await Assertions.Expect(input).ToHaveValueAsync(Filled);
            await input.PressAsync("Enter");
            await Assertions.Expect(ada.Locator("[data-testid=bubble][data-type=text] [data-testid=text]").Last).ToHaveTextAsync(Filled);
            (await ReceivedAsync(1)).ShouldBe([Filled]);

            // A private note mentioning Bob: "@Bo" offers him, Enter completes the name, Enter adds the note.
            await ada.ClickAsync("[data-testid=mode-note]");
            var note = ada.Locator("[data-testid=note-input]");
            await note.PressSequentiallyAsync("Refund approved, @Bo");
            await Assertions.Expect(ada.Locator("[data-testid=mention-option][data-name='Bob Stone']")).ToBeVisibleAsync();
            await note.PressAsync("Enter");
            await Assertions.Expect(note).ToHaveValueAsync("Refund approved, @Bob Stone ");
            await note.PressSequentiallyAsync("please send the return label.");
            await note.PressAsync("Enter");

            const string NoteText = "Refund approved, @Bob Stone please send the return label.";
            foreach (var agent in new[] { ada, bob })
            {
                var shown = agent.Locator("[data-testid=note]");
                await Assertions.Expect(shown.Locator("[data-testid=note-text]")).ToHaveTextAsync(NoteText);
                await Assertions.Expect(shown.Locator("[data-testid=note-label]")).ToContainTextAsync("Private note · Ada");
            }

            // Bob's bell tells him without a reload: the newest notification is the mention.
            await Assertions.Expect(bob.Locator("[data-testid=notification-count]")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await bob.ClickAsync("[data-testid=notification-bell]");
            var newest = bob.Locator("[data-testid=notification]").First;
            await Assertions.Expect(newest.Locator("[data-testid=notification-title]")).ToHaveTextAsync("Ada mentioned you");
            await Assertions.Expect(newest).ToContainTextAsync("please send the return label.");

            var told = await mentioned.Task.WaitAsync(TimeSpan.FromSeconds(30));
            told.MentionedUserId.ShouldBe(_bobId);
            told.ByName.ShouldBe("Ada");
            told.Excerpt.ShouldBe(NoteText);

            // The customer got the quick reply and nothing else.
            (await ReceivedAsync(1)).ShouldBe([Filled]);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    /// <summary>What the customer has received, once there are at least <paramref name="count"/> messages (or after 30 seconds).</summary>
    private async Task<string[]> ReceivedAsync(int count)
    {
        var outbox = _app.Services.GetRequiredService<SandboxOutbox>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (outbox.Conversation(_channel.PhoneNumberId, Customer).Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return outbox.Conversation(_channel.PhoneNumberId, Customer).Select(m => m.Summary).ToArray();
    }
}
