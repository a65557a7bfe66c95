namespace Chatobuy.Inbox.Events;

/// <summary>
/// An agent assigned the conversation to <paramref name="AssigneeUserId"/> (null: unassigned), published after the commit
/// beside <see cref="ConversationUpdated"/>. <paramref name="ByUserId"/> is the agent who did it (null when not known).
/// Stays in its process: the forwarding webhook queues it once.
/// </summary>
public sealed record ConversationAssigned(string ChannelId, long ConversationId, string? AssigneeUserId, string? ByUserId = null);
