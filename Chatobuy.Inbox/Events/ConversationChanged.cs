namespace Chatobuy.Inbox.Events;

/// <summary>
/// What one committed webhook delivery did to one conversation, coalesced: the messages it stored (<paramref name="Created"/>)
/// and those it moved forward (<paramref name="Updated"/>: status, reaction), in the order they were written. Live
/// views reload once for it; the hub still tells integrators each message (<c>MessageCreated</c>, <c>MessageUpdated</c>,
/// then <c>ConversationUpdated</c> when something was created).
/// </summary>
public sealed record ConversationChanged(string ChannelId, long ConversationId, IReadOnlyList<long> Created, IReadOnlyList<long> Updated)
    : IInboxEvent, IConversationEvent;
