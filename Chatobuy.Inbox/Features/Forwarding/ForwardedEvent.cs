namespace Chatobuy.Inbox.Features.Forwarding;

/// <summary>
/// One event for a channel's forwarding webhook: the durable queue row and, once sent, its line in the delivery log.
/// Events of one conversation (one <see cref="Lane"/>) are sent in <see cref="Id"/> order, each waiting for the one before.
/// </summary>
public sealed class ForwardedEvent
{
    public long Id { get; set; }

    /// <summary>The envelope's <c>id</c> (a GUID) and the <c>X-Chatobuy-Event-Id</c> header: the receiver's idempotency key. A replay keeps it.</summary>
    public string EventId { get; set; } = "";

    public string ChannelId { get; set; } = "";

    public long? ConversationId { get; set; }

    public long? ContactId { get; set; }

    public long? MessageId { get; set; }

    /// <summary>One of <see cref="ForwardingEventTypes"/>.</summary>
    public string Type { get; set; } = "";

    /// <summary>The ordering lane: <c>c:{conversationId}</c>, or <c>channel</c> for events without a conversation.</summary>
    public string Lane { get; set; } = "";

    /// <summary>
    /// What the event was made from (e.g. <c>received:{wamid}</c>, <c>status:{wamid}:{status}</c>), unique per channel,
    /// so that the same fact is queued once however often it is seen; null for replays and our own one-off events.
    /// </summary>
    public string? SourceKey { get; set; }

    /// <summary>The exact JSON body POSTed (and signed).</summary>
    public string EnvelopeJson { get; set; } = "";

    public ForwardingState State { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the next attempt is due (after a retryable failure: backoff with jitter).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Retryable failures are retried until then (about 24 hours after queueing or resuming), then the event fails.</summary>
    public DateTimeOffset RetryUntil { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>The receiver's HTTP status code of the last attempt; null when it never answered (timeout, connection error).</summary>
    public int? LastStatusCode { get; set; }

    public int? LastLatencyMilliseconds { get; set; }

    /// <summary>The first bytes (at most 512) of the last response's body, or what went wrong when there was none.</summary>
    public string? LastResponse { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>The log row this one replays, for a replay.</summary>
    public long? ReplayOf { get; set; }
}
