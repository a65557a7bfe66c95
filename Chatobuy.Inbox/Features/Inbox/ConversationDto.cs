namespace Chatobuy.Inbox.Features.Inbox;

public sealed record ConversationDto(
    long Id,
    string ChannelId,
    ContactDto Contact,
    string Status,
    DateTimeOffset LastMessageAt,
    string? LastMessagePreview,
    int UnreadCount,
    DateTimeOffset? LastInboundAt)
{
    public static ConversationDto From(ConversationSummary c) => new(
        c.Id,
        c.ChannelId,
        new ContactDto(c.ContactWaId, c.ContactName),
        c.Status.ToString().ToLowerInvariant(),
        c.LastMessageAt,
        c.LastMessagePreview,
        c.UnreadCount,
        c.LastInboundAt);
}
