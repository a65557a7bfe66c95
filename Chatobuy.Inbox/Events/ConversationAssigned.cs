namespace Chatobuy.Inbox.Events;

/// <summary>
/// An agent assigned the conversation to <paramref name="AssigneeUserId"/> (null: unassigned), published after the commit
/// beside <see cref="ConversationUpdated"/>. Stays in its process: the forwarding webhook queues it once.
/// </summary>
public sealed record ConversationAssigned(string ChannelId, long ConversationId, string? AssigneeUserId);
