namespace Chatobuy.Inbox.Features.Inbox;

public sealed record InboxConversationEvent(string ChannelId, long ConversationId);
