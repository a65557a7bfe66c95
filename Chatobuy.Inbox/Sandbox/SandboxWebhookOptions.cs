using System.ComponentModel.DataAnnotations;

namespace Chatobuy.Inbox.Sandbox;

/// <summary>Webhook delivery: Meta's retry with exponential backoff, plus switches that reproduce its at-least-once, unordered delivery.</summary>
public sealed class SandboxWebhookOptions
{
    /// <summary>Delay before the first retry; each further retry waits twice as long.</summary>
    [Range(1, 3_600_000)]
    public int RetryBaseMilliseconds { get; set; } = 1000;

    /// <summary>Attempts in all (the first one included) before a delivery is given up as failed.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How long one POST may take before it counts as failed.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Up to this many queued updates of the same phone number go in one POST (several <c>messages</c> in one change).</summary>
    [Range(1, 100)]
    public int BatchSize { get; set; } = 1;

    /// <summary>Send every POST twice (at-least-once delivery).</summary>
    public bool DuplicateDelivery { get; set; }

    /// <summary>Shuffle the queued deliveries (no ordering guarantee).</summary>
    public bool OutOfOrder { get; set; }

    /// <summary>With batching or shuffling on, how long the sender lets updates gather before it sends them.</summary>
    [Range(0, 60_000)]
    public int GatherMilliseconds { get; set; } = 300;
}
