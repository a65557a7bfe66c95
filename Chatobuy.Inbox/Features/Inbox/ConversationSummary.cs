using Chatobuy.Inbox.Features.Conversations;

namespace Chatobuy.Inbox.Features.Inbox;

public sealed record ConversationSummary(
    long Id,
    string ChannelId,
    string ContactWaId,
    string? ContactName,
    ConversationStatus Status,
    DateTimeOffset LastMessageAt,
    string? LastMessagePreview,
    int UnreadCount,
    DateTimeOffset? LastInboundAt);
