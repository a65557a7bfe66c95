namespace Chatobuy.Inbox.Events;

/// <summary>An agent was @mentioned in a private note.</summary>
public sealed record AgentMentioned(string MentionedUserId, string ByUserId, string ByName, string ChannelId, long ConversationId, long NoteId, string Excerpt) : IInboxEvent;
