namespace Chatobuy.Inbox.Features.Forwarding;

/// <summary>Where a forwarded event stands.</summary>
public enum ForwardingState
{
    /// <summary>Waiting for its (next) attempt, or for the event before it in its conversation.</summary>
    Pending = 0,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered = 1,

    /// <summary>Given up: a 4xx other than 408/429, or retries ran out (about 24 hours).</summary>
    Failed = 2,

    /// <summary>The channel's endpoint is paused after a run of failures; it waits for Resume.</summary>
    Paused = 3,
}
