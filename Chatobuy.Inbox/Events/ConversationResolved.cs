namespace Chatobuy.Inbox.Events;

/// <summary>
/// An agent resolved the conversation, published after the commit beside <see cref="ConversationUpdated"/>. Stays in
/// its process: the forwarding webhook queues it once.
/// </summary>
public sealed record ConversationResolved(string ChannelId, long ConversationId);
