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
    private readonly Dictionary<string, List<long>> _sends = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Tally> _tallies = new(StringComparer.Ordinal);

    public int Limit => options.Value.MessagesPerSecond;

    /// <summary>
    /// Counts a send for the number at <paramref name="arrivedAt"/> (a <see cref="TimeProvider"/> timestamp; now when
    /// null); false (and not counted) when a sliding second around that moment already holds the limit. Requests are
    /// checked in the order they finish arriving, which is not quite the order they arrived in, so the check covers
    /// every second that would hold the new one, not only the one ending at it.
    /// </summary>
    public bool TryAcquire(string phoneNumberId, long? arrivedAt = null)
    {
        var second = time.TimestampFrequency;
        lock (_gate)
        {
            var now = time.GetTimestamp();
            var at = Math.Min(arrivedAt ?? now, now);
            if (!_sends.TryGetValue(phoneNumberId, out var sends))
            {
                _sends[phoneNumberId] = sends = [];
            }

            if (!_tallies.TryGetValue(phoneNumberId, out var tally))
            {
                _tallies[phoneNumberId] = tally = new Tally();
            }

            // Kept for two seconds: a late-checked request can still share a second with those.
            var forgetBefore = now - (2 * second);
            var stale = 0;
            while (stale < sends.Count && sends[stale] <= forgetBefore)
            {
                stale++;
            }

            sends.RemoveRange(0, stale);
            if (MostInASecondWith(sends, at, second) > Limit)
            {
                tally.Refused++;
                return false;
            }

            var index = sends.BinarySearch(at);
            sends.Insert(index < 0 ? ~index : index, at);
            tally.Accepted.Add(at);
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
            Array.Sort(accepted);
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

    /// <summary>
    /// The most sends any sliding second holding <paramref name="at"/> would have with it added: the seconds starting
    /// at it or at an earlier send less than a second before it. In order (the usual case) that is the second ending
    /// at it.
    /// </summary>
    private static int MostInASecondWith(List<long> sorted, long at, long second)
    {
        var from = LowerBound(sorted, at - second + 1);
        if (sorted.Count == 0 || sorted[^1] <= at)
        {
            return sorted.Count - from + 1;
        }

        var most = LowerBound(sorted, at + second) - LowerBound(sorted, at) + 1;
        for (var i = from; i < sorted.Count && sorted[i] <= at; i++)
        {
            most = Math.Max(most, LowerBound(sorted, sorted[i] + second) - i + 1);
        }

        return most;
    }

    private static int LowerBound(List<long> sorted, long value)
    {
        var index = sorted.BinarySearch(value);
        if (index < 0)
        {
            return ~index;
        }

        while (index > 0 && sorted[index - 1] == value)
        {
            index--;
        }

        return index;
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
