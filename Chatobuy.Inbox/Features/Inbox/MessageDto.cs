using Chatobuy.Inbox.Features.Conversations;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>
/// A message as the integration API lists it. <see cref="ReplyTo"/> is the wamid it quotes; <see cref="ReplyId"/> is
/// what the customer tapped on an interactive message or a template's quick reply (the button's or row's id, or the
/// button's payload), with the tapped title as <see cref="Text"/>. <see cref="Private"/> marks an agent's private note
/// (type <c>note</c>, by <see cref="Author"/>): the customer never got it.
/// </summary>
public sealed record MessageDto(
    long Id,
    string? WaMessageId,
    string Type,
    string Direction,
    string? Text,
    string? MediaUrl,
    string MediaState,
    string Status,
    DateTimeOffset Timestamp,
    string? ReplyTo,
    IReadOnlyList<ReactionDto> Reactions,
    string? ReplyId,
    bool Private = false,
    string? Author = null)
{
    /// <summary><paramref name="publicBaseUrl"/> makes the media link absolute; it is given only once the file is downloaded.</summary>
    public static MessageDto From(MessageSummary m, string publicBaseUrl) => new(
        m.Id,
        m.WaMessageId,
        m.Type,
        m.Direction == MessageDirection.Inbound ? "inbound" : "outbound",
        m.Text,
        m.MediaState == Conversations.MediaState.Downloaded ? $"{publicBaseUrl}/media/{m.Id}" : null,
        m.MediaState.ToString().ToLowerInvariant(),
        m.Status.ToString().ToLowerInvariant(),
        m.Timestamp,
        m.ReplyToWaMessageId,
        m.Reactions.Select(r => new ReactionDto(r.Emoji, r.By)).ToList(),
        m.ReplyId,
        m.IsPrivate,
        m.AuthorName);
}
