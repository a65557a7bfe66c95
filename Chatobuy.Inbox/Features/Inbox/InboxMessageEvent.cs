namespace Chatobuy.Inbox.Features.Inbox;

public sealed record InboxMessageEvent(string ChannelId, long ConversationId, long MessageId);
