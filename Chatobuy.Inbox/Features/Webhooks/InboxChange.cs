namespace Chatobuy.Inbox.Features.Webhooks;

/// <summary>A message created (or updated) by a webhook, with where it lives.</summary>
public sealed record InboxChange(string ChannelId, long ConversationId, long MessageId, bool Created);
