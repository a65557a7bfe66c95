using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Sandbox;

/// <summary>
/// Cloud API throughput per business number (reference §8.3): at most <see cref="SandboxOptions.MessagesPerSecond"/>
/// sends in any sliding second; the caller answers 130429 beyond it. Thread-safe.
/// </summary>
public sealed class SandboxThroughput(IOptions<SandboxOptions> options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<long>> _sends = new(StringComparer.Ordinal);

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

            while (sends.Count > 0 && sends.Peek() <= windowStart)
            {
                sends.Dequeue();
            }

            if (sends.Count >= Limit)
            {
                return false;
            }

            sends.Enqueue(now);
            return true;
        }
    }
}
