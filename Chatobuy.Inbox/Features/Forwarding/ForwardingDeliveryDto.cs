namespace Chatobuy.Inbox.Features.Forwarding;

/// <summary>
/// One line of a channel's forwarding delivery log: the event, where it stands (<c>pending</c>, <c>delivered</c>,
/// <c>failed</c>, <c>paused</c>), its attempts and what the receiver last answered (status code, latency, the response's
/// first bytes, or what went wrong without an answer).
/// </summary>
public sealed record ForwardingDeliveryDto(
    long Id,
    string EventId,
    string Type,
    long? ConversationId,
    long? MessageId,
    string State,
    int Attempts,
    int? LastStatusCode,
    int? LatencyMilliseconds,
    string? Response,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    long? ReplayOf)
{
    public static ForwardingDeliveryDto From(ForwardedEvent e) => new(
        e.Id,
        e.EventId,
        e.Type,
        e.ConversationId,
        e.MessageId,
        e.State.ToString().ToLowerInvariant(),
        e.Attempts,
        e.LastStatusCode,
        e.LastLatencyMilliseconds,
        e.LastResponse,
        e.CreatedAt,
        e.LastAttemptAt,
        e.State is ForwardingState.Pending ? e.NextAttemptAt : null,
        e.DeliveredAt,
        e.ReplayOf);
}
