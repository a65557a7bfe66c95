using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>
/// Cloud API throughput per business number (reference §8.3): at most <see cref="SandboxOptions.MessagesPerSecond"/>
/// sends in any sliding second; the caller answers 130429 beyond it. It also keeps a tally per number (accepted
/// sends with their times, refusals) for <c>GET /sandbox/throughput</c>, the benchmark and the tests. Thread-safe.
/// </summary>
public sealed class SandboxThroughput(IOptions<SandboxOptions> options, TimeProvider time)
{
    /// <summary>Accepted send times kept per number for the tally (the newest ones).</summary>
    public const int TallyCapacity = 200_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<long>> _sends = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Tally> _tallies = new(StringComparer.Ordinal);

    public int Limit => options.Value.MessagesPerSecond;

    /// <summary>Counts a send for the number; false (and not counted) when the last second is already full.</summary>
    public bool TryAcquire(string phoneNumberId)
    {
        var now = time.GetTimestamp();
        var windowStart = now - time.TimestampFrequency;
        lock (_gate)
        {
            if (!_sends.TryGetValue(phoneNumberId, out var sends))
            {
                _sends[phoneNumberId] = sends = new Queue<long>();
            }

            if (!_tallies.TryGetValue(phoneNumberId, out var tally))
            {
                _tallies[phoneNumberId] = tally = new Tally();
            }

            while (sends.Count > 0 && sends.Peek() <= windowStart)
            {
                sends.Dequeue();
            }

            if (sends.Count >= Limit)
            {
                tally.Refused++;
                return false;
            }

            sends.Enqueue(now);
            tally.Accepted.Add(now);
            if (tally.Accepted.Count > TallyCapacity)
            {
                tally.Accepted.RemoveRange(0, tally.Accepted.Count - TallyCapacity);
            }

            return true;
        }
    }

    /// <summary>
    /// What the number's senders achieved since the last <see cref="Reset"/>, leaving out the first
    /// <paramref name="skip"/> accepted sends (to measure only the steady part of a run).
    /// </summary>
    public SandboxThroughputReport Report(string phoneNumberId, int skip = 0)
    {
        long[] accepted;
        int refused;
        lock (_gate)
        {
            var tally = _tallies.GetValueOrDefault(phoneNumberId);
            accepted = tally?.Accepted.Skip(Math.Max(0, skip)).ToArray() ?? [];
            refused = tally?.Refused ?? 0;
        }

        var most = 0;
        for (int start = 0, end = 0; start < accepted.Length; start++)
        {
            while (end < accepted.Length && accepted[end] - accepted[start] < time.TimestampFrequency)
            {
                end++;
            }

            most = Math.Max(most, end - start);
        }

        var seconds = accepted.Length > 1 ? time.GetElapsedTime(accepted[0], accepted[^1]).TotalSeconds : 0;
        return new SandboxThroughputReport(
            phoneNumberId,
            Limit,
            accepted.Length,
            refused,
            seconds,
            seconds > 0 ? (accepted.Length - 1) / seconds : 0,
            most);
    }

    /// <summary>Forgets the tally (not the sliding window Meta's limit is enforced over).</summary>
    public void Reset(string? phoneNumberId)
    {
        lock (_gate)
        {
            if (phoneNumberId is null)
            {
                _tallies.Clear();
            }
            else
            {
                _tallies.Remove(phoneNumberId);
            }
        }
    }

    private sealed class Tally
    {
        public List<long> Accepted { get; } = [];

        public int Refused { get; set; }
    }
}
