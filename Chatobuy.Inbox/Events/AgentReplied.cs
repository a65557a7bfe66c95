namespace Chatobuy.Inbox.Events;

/// <summary>
/// An agent's message to the customer (not a reaction) was committed to the outbox, published after the commit; fair
/// assignment makes the first agent who replies the assignee. Stays in its process.
/// </summary>
public sealed record AgentReplied(string ChannelId, long ConversationId, long MessageId, string UserId);
