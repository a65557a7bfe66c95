using Chatobuy.Inbox.Features.Conversations;
using Bunit;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Tests.Features.Outbound;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chatobuy.Inbox.Tests.Features.Inbox;

/// <summary>What the agent can do with a message in the open chat: select it, reply to it, react to it.</summary>
public sealed class ChatPaneTests : ComponentTestContext, IAsyncLifetime
{
    private const string CustomerMessage = "wamid.customer-1";
    private OutboundHarness _harness = default!;
    private long _conversationId;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _harness = await OutboundHarness.StartAsync(TimeProvider.System);
        _conversationId = await _harness.AddConversationAsync("5511911110000", DateTimeOffset.UtcNow.AddMinutes(-5));
        Services.AddSingleton(_harness.Service);
        // No order in this chat: the names are never looked up, so the catalog's services are not needed.
        Services.AddSingleton(new ProductNames(null!, null!, null!, TimeProvider.System, NullLogger<ProductNames>.Instance));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _harness.DisposeAsync();
    }

    [Fact]
    public void Reply_OnASelectedMessage_TellsThePageAndClosesTheActions()
    {
        Message? repliedTo = null;
        var pane = RenderPane(p => p.Add(c => c.OnReply, m => repliedTo = m));
        pane.FindAll("[data-testid=message-actions]").ShouldBeEmpty();

        pane.Find("[data-message-id]").Click();
        pane.Find("[data-testid=reply]").Click();

        repliedTo.ShouldNotBeNull().WaMessageId.ShouldBe(CustomerMessage);
        pane.FindAll("[data-testid=message-actions]").ShouldBeEmpty();
    }

    [Fact]
    public async Task React_OnASelectedMessage_SendsTheReactionAndTellsThePage()
    {
        var sent = 0;
        var pane = RenderPane(p => p.Add(c => c.OnSent, () => sent++));

        pane.Find("[data-message-id]").Click();
        await pane.FindAll("[data-testid=react]")[0].ClickAsync(new());

        sent.ShouldBe(1);
        pane.FindAll("[data-testid=message-actions]").ShouldBeEmpty();
        await using var db = await _harness.DbAsync();
        var reaction = await db.Messages.AsNoTracking().SingleAsync(m => m.ConversationId == _conversationId && m.Type == "reaction");
        reaction.Direction.ShouldBe(MessageDirection.Outbound);
    }

    private IRenderedComponent<ChatPane> RenderPane(Action<ComponentParameterCollectionBuilder<ChatPane>> parameters)
    {
        var now = DateTimeOffset.UtcNow;
        var message = new Message
        {
            Id = 1, ConversationId = _conversationId, ChannelId = _harness.Channel.Id, WaMessageId = CustomerMessage, Direction = MessageDirection.Inbound,
            Type = "text", Text = "Where is my order?", Timestamp = now, CreatedAt = now,
        };
        var row = new ConversationRow(_conversationId, _harness.Channel.Id, "Shop", "5511911110000", "Mark", "Where is my order?", now, now.AddMinutes(-5), 1, null, null, ConversationStatus.Open);
        var chat = new ChatMessages([message], new Dictionary<string, IReadOnlyList<Reaction>>(), new Dictionary<string, Message> { [CustomerMessage] = message });
        RenderProviders();
        return Render<ChatPane>(p =>
        {
            p.Add(c => c.Conversation, row).Add(c => c.Chat, chat).Add(c => c.Now, now).Add(c => c.UserId, "agent-1");
            parameters(p);
        });
    }
}
