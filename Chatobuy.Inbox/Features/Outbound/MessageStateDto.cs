namespace Chatobuy.Inbox.Features.Outbound;

public sealed record MessageStateDto(long Id, string? WaMessageId, string Status, int? ErrorCode, string? ErrorTitle, DateTimeOffset Timestamp);
