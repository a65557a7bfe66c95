using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Notes;
using Chatobuy.Inbox.Features.Outbound;
using Chatobuy.Inbox.Features.QuickReplies;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Sandbox.State;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Integration;

/// <summary>One app with a Sandbox channel, an Admin ("Ada") and an Agent ("Bob Stone"), shared by the tests of notes and quick replies.</summary>
public sealed class NotesFixture : IAsyncLifetime
{
    public InboxApp App { get; } = new();

    public Channel Channel { get; private set; } = default!;

    public string AdaId { get; private set; } = "";

    public string BobId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        App.Settings["Outbound:PollIntervalMilliseconds"] = "50";
        App.Settings["Sandbox:StatusDelaysMilliseconds"] = "30,60,90";
        App.Settings["Sandbox:Webhooks:RetryBaseMilliseconds"] = "50";
        await App.InitializeAsync();
        await using (var scope = App.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            (await users.CreateFirstAdminAsync("ada@example.com", "Ada", "Correct-Horse-9")).Succeeded.ShouldBeTrue();
            (await users.CreateAsync("bob@example.com", "Bob Stone", Roles.Agent, "Correct-Horse-9")).Succeeded.ShouldBeTrue();
        }

        await using var db = await App.DbAsync();
        AdaId = await db.Users.Where(u => u.Email == "ada@example.com").Select(u => u.Id).SingleAsync();
        BobId = await db.Users.Where(u => u.Email == "bob@example.com").Select(u => u.Id).SingleAsync();
        Channel = await SandboxChannel.ConnectAsync(App, "Shop");
    }

    public Task DisposeAsync() => App.DisposeAsync();
}

/// <summary>
/// Private notes stay inside the inbox (stored, listed with <c>"private": true</c>, never at the Sandbox, the customer's side
/// untouched) and tell the agents they mention; quick replies reach the customer filled in, and the API lists them.
/// </summary>
public sealed class NotesAndQuickRepliesEndToEndTests(NotesFixture fixture) : IClassFixture<NotesFixture>
{
    private static int _customers;

    private InboxApp App => fixture.App;

    [Fact]
    public async Task Note_IsStoredAndListed_NeverReachesTheSandbox_AndTellsTheMentionedAgent()
    {
        var customer = NewCustomer();
        var conversationId = await SandboxCustomer.WritesAsync(App, fixture.Channel, customer, "Where is my refund?");
        var before = await ConversationAsync(conversationId);
        var mentioned = new TaskCompletionSource<AgentMentioned>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = App.Services.GetRequiredService<InboxEvents>().Subscribe<AgentMentioned>(e =>
        {
            mentioned.TrySetResult(e);
            return Task.CompletedTask;
        });

        var result = await App.Services.GetRequiredService<NoteService>().AddAsync(conversationId, fixture.AdaId, "@Bob Stone the refund went out on Monday, please confirm.");

        result.Error.ShouldBeNull();
        var noteId = result.NoteId!.Value;
        var told = await mentioned.Task.WaitAsync(TimeSpan.FromSeconds(30));
        told.ShouldBe(new AgentMentioned(fixture.BobId, fixture.AdaId, "Ada", fixture.Channel.Id, conversationId, noteId, "@Bob Stone the refund went out on Monday, please confirm."));

        // A reply after it goes out; once the customer has it, the sender has drained everything queued before.
        var reply = await App.Services.GetRequiredService<OutboundService>()
            .SendAsync(new SendRequest(conversationId, Guid.NewGuid().ToString("N"), "It is on its way."), CancellationToken.None);
        (await SandboxCustomer.WaitForMessageAsync(App, reply.MessageId!.Value, m => m.WaMessageId is not null)).WaMessageId.ShouldNotBeNull();
        App.Services.GetRequiredService<SandboxOutbox>().Conversation(fixture.Channel.PhoneNumberId, customer)
            .Select(m => m.Summary).ShouldBe(["It is on its way."]);

        await using (var db = await App.DbAsync())
        {
            (await db.OutboxItems.AnyAsync(o => o.MessageId == noteId)).ShouldBeFalse();
            var note = await db.Messages.AsNoTracking().SingleAsync(m => m.Id == noteId);
            note.WaMessageId.ShouldBeNull();
            note.Status.ShouldBe(MessageStatus.None);
        }

        // The customer's side: the window and what is unread are as the customer left them; the list shows the reply, not the note.
        var after = await ConversationAsync(conversationId);
        after.LastInboundAt.ShouldBe(before.LastInboundAt);
        after.LastMessagePreview.ShouldBe("It is on its way.");

        using var api = await ApiClients.WithNewKeyAsync(App);
        var messages = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/conversations/{conversationId}/messages"))!["items"]!.AsArray();
        var listed = messages.Single(m => m!["id"]!.GetValue<long>() == noteId)!;
        listed["private"]!.GetValue<bool>().ShouldBeTrue();
        listed["type"]!.GetValue<string>().ShouldBe("note");
        listed["author"]!.GetValue<string>().ShouldBe("Ada");
        messages.Where(m => m!["id"]!.GetValue<long>() != noteId).ShouldAllBe(m => !m!["private"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Note_MentioningNobody_OrOnlyTheAuthor_TellsNobody()
    {
        var conversationId = await SandboxCustomer.WritesAsync(App, fixture.Channel, NewCustomer(), "Hello");
        var notes = App.Services.GetRequiredService<NoteService>();

        (await notes.AddAsync(conversationId, fixture.AdaId, "Just for the record.")).Mentioned.ShouldBeEmpty();
        (await notes.AddAsync(conversationId, fixture.AdaId, "Reminder to myself, @Ada.")).Mentioned.ShouldBeEmpty();
        (await notes.AddAsync(conversationId, fixture.BobId, "@ada can you look?")).Mentioned.Select(a => a.UserId).ShouldBe([fixture.AdaId]);
    }

    [Fact]
    public async Task QuickReply_ReachesTheCustomerFilledIn()
    {
        var customer = NewCustomer();
        var conversationId = await SandboxCustomer.WritesAsync(App, fixture.Channel, customer, "Where is my order?");
        var library = App.Services.GetRequiredService<QuickReplyLibrary>();
        var saved = await library.SaveAsync(
            new QuickReplyDraft { Shortcut = "eta" + customer[^4..], Title = "Delivery estimate", Text = "Hi {{contact.name}}, {{agent.name}} here: it arrives tomorrow." },
            fixture.BobId,
            isAdmin: false);
        saved.Error.ShouldBeNull();

        var filled = await library.FillAsync(conversationId, saved.Id!.Value, fixture.BobId);
        var sent = await App.Services.GetRequiredService<OutboundService>()
            .SendAsync(new SendRequest(conversationId, Guid.NewGuid().ToString("N"), filled.Text, SentByUserId: fixture.BobId), CancellationToken.None);
        (await SandboxCustomer.WaitForMessageAsync(App, sent.MessageId!.Value, m => m.WaMessageId is not null)).WaMessageId.ShouldNotBeNull();

        App.Services.GetRequiredService<SandboxOutbox>().Conversation(fixture.Channel.PhoneNumberId, customer)
            .Select(m => m.Summary).ShouldBe(["Hi Customer, Bob Stone here: it arrives tomorrow."]);
    }

    [Fact]
    public async Task Api_ListsTheSharedQuickReplies_AndAnAgentsOwnWhenAsked()
    {
        var library = App.Services.GetRequiredService<QuickReplyLibrary>();
        (await library.SaveAsync(new QuickReplyDraft { Shortcut = "api-shared", Title = "Shared one", Text = "For everyone", Shared = true }, fixture.AdaId, isAdmin: true))
            .Error.ShouldBeNull();
        (await library.SaveAsync(new QuickReplyDraft { Shortcut = "api-bob", Title = "Bob's own", Text = "Cheers, {{agent.name}}" }, fixture.BobId, isAdmin: false))
            .Error.ShouldBeNull();
        (await library.SaveAsync(new QuickReplyDraft { Shortcut = "api-nope", Title = "Not allowed", Text = "x", Shared = true }, fixture.BobId, isAdmin: false))
            .Error.ShouldBe(QuickReplyLibrary.SharedForAdmins);

        using var api = await ApiClients.WithNewKeyAsync(App);
        var shared = (await api.GetFromJsonAsync<JsonArray>("/api/v1/quick-replies"))!;
        shared.Select(q => q!["shortcut"]!.GetValue<string>()).ShouldContain("api-shared");
        shared.Select(q => q!["shortcut"]!.GetValue<string>()).ShouldNotContain("api-bob");

        var bobs = (await api.GetFromJsonAsync<JsonArray>($"/api/v1/quick-replies?userId={fixture.BobId}"))!;
        var own = bobs.Single(q => q!["shortcut"]!.GetValue<string>() == "api-bob")!;
        own["shared"]!.GetValue<bool>().ShouldBeFalse();
        own["ownerUserId"]!.GetValue<string>().ShouldBe(fixture.BobId);
        own["text"]!.GetValue<string>().ShouldBe("Cheers, {{agent.name}}");
        bobs.Select(q => q!["shortcut"]!.GetValue<string>()).ShouldContain("api-shared");
    }

    private async Task<Conversation> ConversationAsync(long id)
    {
        await using var db = await App.DbAsync();
        return await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    private static string NewCustomer() => $"55119444{Interlocked.Increment(ref _customers):D5}";
}
