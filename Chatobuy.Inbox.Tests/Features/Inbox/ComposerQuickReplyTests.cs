using Bunit;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Features.Outbound;
using Chatobuy.Inbox.Features.QuickReplies;
using Chatobuy.Inbox.Features.Templates.Sending;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Features.Outbound;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chatobuy.Inbox.Tests.Features.Inbox;

/// <summary>
/// The composer's quick replies (<c>/</c> and the list, the arrow keys and Enter, the "+" menu, the attachment) and its
/// Reply | Private note switch (the note is stored for the agents, never queued for WhatsApp; <c>@</c> offers the agents).
/// </summary>
public sealed class ComposerQuickReplyTests : ComponentTestContext, IAsyncLifetime
{
    private const string AgentId = "agent-ada";
    private const string OtherAgentId = "agent-bob";
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 7, 7, 7];
    private OutboundHarness _harness = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _harness = await OutboundHarness.StartAsync(TimeProvider.System);
        await using (var db = await _harness.DbAsync())
        {
            db.Users.Add(new AppUser { Id = AgentId, UserName = "ada@example.com", Email = "ada@example.com", DisplayName = "Ada", IsActive = true });
            db.Users.Add(new AppUser { Id = OtherAgentId, UserName = "bob@example.com", Email = "bob@example.com", DisplayName = "Bob Stone", IsActive = true });
            await db.SaveChangesAsync();
        }

        Services.AddSingleton(_harness.Service);
        Services.AddSingleton(_harness.Interactive);
        Services.AddSingleton(_harness.QuickReplies);
        Services.AddSingleton(_harness.Notes);
        Services.AddSingleton(new TemplateCatalog(new HarnessDbFactory(_harness)));
        Services.AddSingleton(new ProductNames(null!, null!, null!, TimeProvider.System, NullLogger<ProductNames>.Instance));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _harness.DisposeAsync();
    }

    [Fact]
    public async Task Slash_ListsTheMatches_EnterInsertsItFilledIn_AndSendSendsIt()
    {
        var conversation = await ConversationWithMariaAsync("5511922220001");
        await SaveAsync("where", "Where is my order?", "Hi {{contact.name}}, {{agent.name}} here: your order left today.", shared: true);
        await SaveAsync("hours", "Opening hours", "We open at 9.", shared: true);
        long? sentId = null;
        var composer = RenderComposer(conversation, windowOpen: true, id => sentId = id);

        composer.Find("[data-testid=composer-input]").Input("/wh");

        var options = composer.FindAll("[data-testid=quick-reply-option]");
        options.Select(o => o.GetAttribute("data-shortcut")).ShouldBe(["where"]);
        options[0].TextContent.ShouldContain("Where is my order?");
        composer.Find("[data-testid=composer-input]").GetAttribute("data-suggesting").ShouldBe("1");

        await composer.InvokeAsync(() => composer.Instance.SuggestionKey("Enter"));

        composer.WaitForAssertion(() => composer.Find("[data-testid=composer-input]").GetAttribute("value")
            .ShouldBe("Hi Maria, Ada here: your order left today."));
        composer.FindAll("[data-testid=quick-reply-option]").ShouldBeEmpty();
        await composer.Find("[data-testid=send]").ClickAsync(new());

        sentId.ShouldNotBeNull();
        (await _harness.MessageAsync(sentId.Value)).Text.ShouldBe("Hi Maria, Ada here: your order left today.");
    }

    [Fact]
    public async Task Slash_ArrowDownThenEnter_InsertsTheSecond_AndTitlesMatchToo()
    {
        var conversation = await ConversationWithMariaAsync("5511922220002");
        await SaveAsync("ship", "Shipping times", "Two to three days.", shared: true);
        await SaveAsync("track", "Shipping: tracking link", "Track it here.", shared: true);
        var composer = RenderComposer(conversation, windowOpen: true);

        composer.Find("[data-testid=composer-input]").Input("/ship");
        composer.FindAll("[data-testid=quick-reply-option]").Select(o => o.GetAttribute("data-shortcut")).ShouldBe(["ship", "track"]);

        await composer.InvokeAsync(() => composer.Instance.SuggestionKey("ArrowDown"));
        composer.FindAll(".suggestion")[1].ClassList.ShouldContain("selected");
        await composer.InvokeAsync(() => composer.Instance.SuggestionKey("Enter"));

        composer.WaitForAssertion(() => composer.Find("[data-testid=composer-input]").GetAttribute("value").ShouldBe("Track it here."));
    }

    [Fact]
    public async Task Slash_AnotherAgentsPersonalQuickReply_IsNotOffered_TheirOwnIs()
    {
        var conversation = await ConversationWithMariaAsync("5511922220003");
        await SaveAsync("mine", "Ada's sign-off", "Cheers, Ada", shared: false, owner: AgentId);
        await SaveAsync("bobs", "Bob's sign-off", "Cheers, Bob", shared: false, owner: OtherAgentId);
        var composer = RenderComposer(conversation, windowOpen: true);

        composer.Find("[data-testid=composer-input]").Input("/");

        composer.FindAll("[data-testid=quick-reply-option]").Select(o => o.GetAttribute("data-shortcut")).ShouldBe(["mine"]);
    }

    [Fact]
    public async Task QuickReply_WithAnAttachment_AttachesIt_AndSendsItAsTheCaptionedFile()
    {
        var conversation = await ConversationWithMariaAsync("5511922220004");
        await SaveAsync("map", "Shop map", "Here is how to find us, {{contact.name}}.", shared: true,
            attachment: new OutboundMedia("image", "map.png", "image/png", Png, null));
        long? sentId = null;
        var composer = RenderComposer(conversation, windowOpen: true, id => sentId = id);

        composer.Find("[data-testid=composer-input]").Input("/map");
        await composer.Find("[data-testid=suggestion]").ClickAsync(new());

        composer.WaitForAssertion(() => composer.Find("[data-testid=attachment]").TextContent.ShouldContain("map.png"));
        await composer.Find("[data-testid=send]").ClickAsync(new());

        var message = await _harness.MessageAsync(sentId!.Value);
        message.Type.ShouldBe("image");
        message.Text.ShouldBe("Here is how to find us, Maria.");
        message.MediaFileName.ShouldBe("map.png");
    }

    [Fact]
    public async Task PlusMenu_ListsTheQuickReplies_AndOneInsertsItself()
    {
        var conversation = await ConversationWithMariaAsync("5511922220005");
        await SaveAsync("hours", "Opening hours", "We open at 9, {{contact.name}}.", shared: true);
        var providers = RenderProviders();
        var composer = RenderComposer(conversation, windowOpen: true);

        composer.Find("[data-testid=composer-plus] button").Click();
        providers.WaitForElement("[data-testid=plus-quick-reply]");
        providers.Find("[data-testid=plus-quick-reply]").TextContent.ShouldContain("/hours · Opening hours");
        await providers.Find("[data-testid=plus-quick-reply]").ClickAsync(new());

        composer.WaitForAssertion(() => composer.Find("[data-testid=composer-input]").GetAttribute("value").ShouldBe("We open at 9, Maria."));
    }

    [Fact]
    public async Task PlusMenu_WindowClosed_QuickRepliesAreDisabledWithTheReason()
    {
        var conversation = await ConversationWithMariaAsync("5511922220006", windowOpen: false);
        await SaveAsync("hours", "Opening hours", "We open at 9.", shared: true);
        var providers = RenderProviders();
        var composer = RenderComposer(conversation, windowOpen: false);

        composer.Find("[data-testid=composer-plus] button").Click();

        providers.WaitForAssertion(() => providers.Find("[data-testid=quick-replies-closed]").TextContent.ShouldContain("only within 24 hours"));
        providers.FindAll("[data-testid=plus-quick-reply]").ShouldBeEmpty();
        composer.FindAll("[data-testid=composer-input]").ShouldBeEmpty();
    }

    [Fact]
    public async Task NoteSwitch_ANoteIsStoredForTheAgents_NeverQueued_AndAtOffersTheAgents()
    {
        var conversation = await ConversationWithMariaAsync("5511922220007");
        long? noteId = null;
        var composer = Render<Composer>(p => p.Add(c => c.ConversationId, conversation).Add(c => c.WindowOpen, true).Add(c => c.UserId, AgentId)
            .Add(c => c.OnNoteAdded, id => noteId = id));

        await composer.Find("[data-testid=mode-note]").ClickAsync(new());

        composer.WaitForElement("[data-testid=note-input]");
        composer.FindAll("[data-testid=composer-input]").ShouldBeEmpty();
        composer.FindAll("[data-testid=send]").ShouldBeEmpty();
        composer.Find("[data-testid=composer]").ClassList.ShouldContain("note-mode");

        composer.Find("[data-testid=note-input]").Input("Refund approved, @bo");
        composer.WaitForAssertion(() => composer.FindAll("[data-testid=mention-option]").Select(o => o.GetAttribute("data-name")).ShouldBe(["Bob Stone"]));
        await composer.Find("[data-testid=suggestion]").ClickAsync(new());
        composer.WaitForAssertion(() => composer.Find("[data-testid=note-input]").GetAttribute("value").ShouldBe("Refund approved, @Bob Stone "));
        composer.Find("[data-testid=note-input]").Input("Refund approved, @Bob Stone please send the label.");
        await composer.Find("[data-testid=add-note]").ClickAsync(new());

        noteId.ShouldNotBeNull();
        var note = await _harness.MessageAsync(noteId.Value);
        note.IsPrivate.ShouldBeTrue();
        note.Type.ShouldBe(Message.NoteType);
        note.Text.ShouldBe("Refund approved, @Bob Stone please send the label.");
        note.AuthorName.ShouldBe("Ada");
        (await _harness.OutboxAsync(noteId.Value)).ShouldBeEmpty();
        composer.Find("[data-testid=note-input]").GetAttribute("value").ShouldBe("");

        await composer.Find("[data-testid=mode-reply]").ClickAsync(new());
        composer.WaitForElement("[data-testid=composer-input]");
    }

    [Fact]
    public async Task NoteSwitch_EmptyNote_IsExplained()
    {
        var conversation = await ConversationWithMariaAsync("5511922220008");
        var composer = RenderComposer(conversation, windowOpen: true);

        await composer.Find("[data-testid=mode-note]").ClickAsync(new());
        await composer.Find("[data-testid=add-note]").ClickAsync(new());

        composer.Find("[data-testid=note-error]").TextContent.ShouldBe("Write the note first.");
    }

    [Fact]
    public async Task NoteSwitch_WindowClosed_ANoteCanStillBeLeft()
    {
        var conversation = await ConversationWithMariaAsync("5511922220009", windowOpen: false);
        long? noteId = null;
        var composer = Render<Composer>(p => p.Add(c => c.ConversationId, conversation).Add(c => c.WindowOpen, false).Add(c => c.UserId, AgentId)
            .Add(c => c.OnNoteAdded, id => noteId = id));

        await composer.Find("[data-testid=mode-note]").ClickAsync(new());
        composer.FindAll("[data-testid=window-closed-explained]").ShouldBeEmpty();
        composer.Find("[data-testid=note-input]").Input("Customer called; will write tomorrow.");
        await composer.Find("[data-testid=add-note]").ClickAsync(new());

        (await _harness.MessageAsync(noteId!.Value)).IsPrivate.ShouldBeTrue();
    }

    private IRenderedComponent<Composer> RenderComposer(long conversation, bool windowOpen, Action<long>? onSent = null) =>
        Render<Composer>(p => p.Add(c => c.ConversationId, conversation).Add(c => c.WindowOpen, windowOpen).Add(c => c.UserId, AgentId)
            .Add(c => c.OnSent, id => onSent?.Invoke(id)));

    /// <summary>A conversation with "Maria" (her WhatsApp profile name), her last message 5 minutes or 30 hours ago.</summary>
    private async Task<long> ConversationWithMariaAsync(string waId, bool windowOpen = true)
    {
        var id = await _harness.AddConversationAsync(waId, DateTimeOffset.UtcNow.AddMinutes(windowOpen ? -5 : -30 * 60));
        await using var db = await _harness.DbAsync();
        var contact = await db.Contacts.SingleAsync(c => c.WaId == waId);
        contact.ProfileName = "Maria";
        await db.SaveChangesAsync();
        return id;
    }

    private async Task SaveAsync(string shortcut, string title, string text, bool shared, string owner = AgentId, OutboundMedia? attachment = null)
    {
        var draft = new QuickReplyDraft { Shortcut = shortcut, Title = title, Text = text, Shared = shared, NewAttachment = attachment };
        var result = await _harness.QuickReplies.SaveAsync(draft, owner, isAdmin: true);
        result.Error.ShouldBeNull();
    }

    private sealed class HarnessDbFactory(OutboundHarness harness) : IDbContextFactory<InboxDbContext>
    {
        public InboxDbContext CreateDbContext() => harness.DbAsync().GetAwaiter().GetResult();
    }
}
