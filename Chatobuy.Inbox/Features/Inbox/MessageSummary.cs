using Chatobuy.Inbox.Features.Conversations;

namespace Chatobuy.Inbox.Features.Inbox;

public sealed record MessageSummary(
    long Id,
    string? WaMessageId,
    string Type,
    MessageDirection Direction,
    string? Text,
    MediaState MediaState,
    MessageStatus Status,
    DateTimeOffset Timestamp,
    string? ReplyToWaMessageId,
    IReadOnlyList<MessageReaction> Reactions,
    string? ReplyId = null,
    bool IsPrivate = false,
    string? AuthorName = null);
