using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>What the hub pushes to live panes. Events carry ids; panes load what they show.</summary>
public interface IInboxClient
{
    Task MessageCreated(InboxMessageEvent message);

    Task MessageUpdated(InboxMessageEvent message);

    Task ConversationUpdated(InboxConversationEvent conversation);
}

public sealed record InboxMessageEvent(string ChannelId, long ConversationId, long MessageId);

public sealed record InboxConversationEvent(string ChannelId, long ConversationId);

/// <summary>
/// The inbox's event bus at <c>/hubs/inbox</c>: after each commit the server publishes to the groups
/// <c>channel:{id}</c> and <c>conversation:{id}</c>. Signed-in users only.
/// </summary>
[Authorize(AuthenticationSchemes = HubTokens.SchemeName + ",Identity.Application")]
public sealed class InboxHub : Hub<IInboxClient>
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

    public Task WatchConversation(long conversationId) =>
        Groups.AddToGroupAsync(Context.ConnectionId, ConversationGroup(conversationId));

    public Task UnwatchConversation(long conversationId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, ConversationGroup(conversationId));
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
