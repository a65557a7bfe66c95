using System.ComponentModel.DataAnnotations;

namespace Chatobuy.Inbox.Features.Forwarding;

/// <summary>How events are forwarded to the channels' webhook URLs (section "Forwarding").</summary>
public sealed class ForwardingOptions
{
    public const string SectionName = "Forwarding";

    /// <summary>One attempt's time limit: an endpoint slower than this counts as a timeout and is retried.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>The first retry waits about this long; each further one about twice as long (with jitter), at most <see cref="MaxDelaySeconds"/>.</summary>
    [Range(1, 3600)]
    public int BaseDelaySeconds { get; set; } = 10;

    [Range(1, 86_400)]
    public int MaxDelaySeconds { get; set; } = 3600;

    /// <summary>Retryable failures (5xx, 408, 429, timeouts, connection errors) are retried this long, then the event fails.</summary>
    [Range(1, 168)]
    public int RetryHours { get; set; } = 24;

    /// <summary>After this many failed attempts in a row the channel's endpoint is paused until an Admin resumes it.</summary>
    [Range(1, 10_000)]
    public int PauseAfterFailures { get; set; } = 20;

    /// <summary>Conversations sent to at the same time (each conversation's events still go one after the other).</summary>
    [Range(1, 256)]
    public int MaxConcurrentSends { get; set; } = 16;

    /// <summary>How often the queue looks for work when nothing wakes it.</summary>
    [Range(50, 60_000)]
    public int PollIntervalMilliseconds { get; set; } = 1000;

    /// <summary>
    /// Once woken by a commit, the queue waits this long to gather the commits that follow before it reads them; fewer,
    /// larger passes keep its writes off the webhook writer's way. 0 reads at once.
    /// </summary>
    [Range(0, 5000)]
    public int PassGatherMilliseconds { get; set; } = 200;
}
