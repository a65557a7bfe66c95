namespace Chatobuy.Inbox.Events;

/// <summary>A message was stored (inbound or outbound).</summary>
public sealed record MessageCreated(string ChannelId, long ConversationId, long MessageId) : IInboxEvent;

/// <summary>A stored message changed: status, media ready, reaction, wamid assigned.</summary>
public sealed record MessageUpdated(string ChannelId, long ConversationId, long MessageId) : IInboxEvent;

/// <summary>A conversation changed: unread count, assignee, status, window.</summary>
public sealed record ConversationUpdated(string ChannelId, long ConversationId) : IInboxEvent;

/// <summary>
/// Anything about a channel changed (checklist, counters, last signed event); <paramref name="ConfigurationChanged"/>
/// when it was connected, edited, made default or deleted.
/// </summary>
public sealed record ChannelUpdated(string ChannelId, bool ConfigurationChanged = false) : IInboxEvent;
