using Chatobuy.Inbox.Components.Shared;
using Chatobuy.Inbox.Features.Templates;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>What the hub pushes to live panes. Events carry ids; panes load what they show.</summary>
public interface IInboxClient
{
    Task MessageCreated(InboxMessageEvent message);

    Task MessageUpdated(InboxMessageEvent message);

    Task ConversationUpdated(InboxConversationEvent conversation);

    Task Presence(PresenceEvent presence);

    /// <summary>A message template of the channel's account changed (status, quality, category, content, deleted).</summary>
    Task TemplateUpdated(TemplateEvent template);
}

/// <summary>Who else has a conversation open, and who of them is typing a reply.</summary>
public sealed record PresenceEvent(string ChannelId, long ConversationId, IReadOnlyList<string> Viewers, IReadOnlyList<string> Typing);

public sealed record InboxMessageEvent(string ChannelId, long ConversationId, long MessageId);

public sealed record InboxConversationEvent(string ChannelId, long ConversationId);

/// <summary>
/// The inbox's event bus at <c>/hubs/inbox</c>: after each commit the server publishes to the groups
/// <c>channel:{id}</c> and <c>conversation:{id}</c>. Signed-in users only.
/// </summary>
[Authorize(AuthenticationSchemes = HubTokens.SchemeName + ",Identity.Application")]
public sealed class InboxHub(PresenceTracker presence, People people, TimeProvider time) : Hub<IInboxClient>
{
    public const string Path = "/hubs/inbox";

    public static string ChannelGroup(string channelId) => $"channel:{channelId}";

    public static string ConversationGroup(long conversationId) => $"conversation:{conversationId}";

    /// <summary>Receive every event of these channels (the conversation list).</summary>
    public async Task WatchChannels(IReadOnlyList<string> channelIds)
    {
        foreach (var id in channelIds.Take(200))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, ChannelGroup(id));
        }
    }

    /// <summary>Receive this conversation's events, and be shown to other agents as viewing it.</summary>
    public async Task WatchConversation(string channelId, long conversationId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, ConversationGroup(conversationId));
        // Other agents see the name given at Setup, not the e-mail the agent signs in with.
        var name = Context.User is { } user ? (await people.OfAsync(user, Context.ConnectionAborted)).Name : "";
        var left = presence.View(Context.ConnectionId, name is "" ? "An agent" : name, channelId, conversationId, time.GetUtcNow());
        await BroadcastAsync(left);
        await BroadcastAsync(presence.Of(channelId, conversationId, time.GetUtcNow()));
    }

    public async Task UnwatchConversation(long conversationId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, ConversationGroup(conversationId));
        await BroadcastAsync(presence.Leave(Context.ConnectionId, time.GetUtcNow()));
    }

    /// <summary>The agent is typing a reply in the conversation they view (shown for a few seconds).</summary>
    public Task Typing() => BroadcastAsync(presence.Typing(Context.ConnectionId, time.GetUtcNow()));

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await BroadcastAsync(presence.Leave(Context.ConnectionId, time.GetUtcNow()));
        await base.OnDisconnectedAsync(exception);
    }

    private Task BroadcastAsync(PresenceEvent? update) =>
        update is null
            ? Task.CompletedTask
            : Clients.Groups(ChannelGroup(update.ChannelId), ConversationGroup(update.ConversationId)).Presence(update);
}

/// <summary>Publishes committed changes over the hub.</summary>
public sealed class HubInboxNotifier(IHubContext<InboxHub, IInboxClient> hub) : IInboxNotifier
{
    public Task MessageCreatedAsync(string channelId, long conversationId, long messageId, CancellationToken cancellationToken = default) =>
        hub.Clients.Groups(InboxHub.ChannelGroup(channelId), InboxHub.ConversationGroup(conversationId))
            .MessageCreated(new InboxMessageEvent(channelId, conversationId, messageId));

    public Task MessageUpdatedAsync(string channelId, long conversationId, long messageId, CancellationToken cancellationToken = default) =>
        hub.Clients.Groups(InboxHub.ChannelGroup(channelId), InboxHub.ConversationGroup(conversationId))
            .MessageUpdated(new InboxMessageEvent(channelId, conversationId, messageId));

    public Task ConversationUpdatedAsync(string channelId, long conversationId, CancellationToken cancellationToken = default) =>
        hub.Clients.Groups(InboxHub.ChannelGroup(channelId), InboxHub.ConversationGroup(conversationId))
            .ConversationUpdated(new InboxConversationEvent(channelId, conversationId));
}
