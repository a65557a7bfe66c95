namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>
/// Tells live chat panes that something was committed. Called after the transaction, never before; the
/// implementation publishes over the SignalR hub to the channel and conversation groups.
/// </summary>
public interface IInboxNotifier
{
    /// <summary>A message was stored (inbound or outbound).</summary>
    Task MessageCreatedAsync(string channelId, long conversationId, long messageId, CancellationToken cancellationToken = default);

    /// <summary>A stored message changed: status, media ready, reaction, wamid assigned.</summary>
    Task MessageUpdatedAsync(string channelId, long conversationId, long messageId, CancellationToken cancellationToken = default);

    /// <summary>A conversation changed: unread count, assignee, status, window.</summary>
    Task ConversationUpdatedAsync(string channelId, long conversationId, CancellationToken cancellationToken = default);
}
