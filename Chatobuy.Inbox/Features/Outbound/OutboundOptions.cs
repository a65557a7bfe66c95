using System.ComponentModel.DataAnnotations;

namespace Chatobuy.Inbox.Features.Outbound;

/// <summary>How the outbound sender paces and retries sends (section "Outbound").</summary>
public sealed class OutboundOptions
{
    public const string SectionName = "Outbound";

    /// <summary>Meta's throughput per phone number: 80 by default, 20 for coexistence numbers, 1,000 once upgraded.</summary>
    [Range(20, 1000)]
    public int MessagesPerSecond { get; set; } = 80;

    /// <summary>Per phone number id overrides of <see cref="MessagesPerSecond"/> (20 to 1,000 each).</summary>
    public Dictionary<string, int> MessagesPerSecondByPhoneNumber { get; set; } = [];

    /// <summary>Messages to one customer allowed in a burst (Meta's pair rate limit, 131056).</summary>
    [Range(1, 100)]
    public int PairBurst { get; set; } = 5;

    /// <summary>Sustained pace to one customer: one message per this many seconds.</summary>
    [Range(0, 60)]
    public double PairIntervalSeconds { get; set; } = 6;

    /// <summary>After this many sends answered with a retryable error the message is marked failed.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The backoff unit: base·2^n after the n-th retryable error (base·4^n after 131056).</summary>
    [Range(1, 60_000)]
    public int BaseDelayMilliseconds { get; set; } = 1000;

    [Range(1, 86_400)]
    public int MaxDelaySeconds { get; set; } = 900;

    /// <summary>How often the sender looks for due sends when nobody wakes it.</summary>
    [Range(10, 60_000)]
    public int PollIntervalMilliseconds { get; set; } = 500;

    /// <summary>
    /// Sends at work at once per phone number, at least (one per customer at most, to keep their order). A number gets
    /// its messages per second and a quarter more when that is larger, so a send can be out for Meta's whole round
    /// trip while the pacer's slots stay filled (the pacer itself lets at most the limit be in flight).
    /// </summary>
    [Range(1, 256)]
    public int MaxConcurrentSendsPerNumber { get; set; } = 16;

    /// <summary>Queued items one pass over a phone number looks at, oldest first.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// After this many minutes without an answer or a status, an unconfirmed message tells the agent what is known and
    /// offers to send it again.
    /// </summary>
    [Range(1, 10_080)]
    public int UnconfirmedRetryAfterMinutes { get; set; } = 15;

    public int MessagesPerSecondFor(string phoneNumberId) =>
        Math.Clamp(MessagesPerSecondByPhoneNumber.GetValueOrDefault(phoneNumberId, MessagesPerSecond), 20, 1000);
}
