namespace Chatobuy.Inbox.Events;

/// <summary>Labels were added to or removed from a conversation (published after the commit): lists and headers show them.</summary>
public sealed record ConversationLabelsChanged(string ChannelId, long ConversationId) : IInboxEvent, IConversationEvent;
