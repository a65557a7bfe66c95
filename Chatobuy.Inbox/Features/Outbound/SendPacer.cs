namespace Chatobuy.Inbox.Features.Outbound;

/// <summary>
/// Keeps one phone number's sends within its throughput (reference §8.3) as Meta counts it: at most
/// <see cref="MessagesPerSecond"/> requests arriving in any one second.
/// <list type="number">
/// <item>Pacing: each send takes the next slot, one every 1/(limit·<see cref="Share"/>) seconds, so sends are spread
/// evenly and never burst. A slot nobody was waiting for is not saved up, so idle time buys no burst.</item>
/// <item>A window check that holds whatever the network does: a request reaches Meta some time between the moment it
/// leaves and the moment its answer comes back, so a send may only leave while fewer than the limit are in flight or
/// were answered within the last second. A stalled connection that releases many requests at once can then never
/// put more than the limit into one of Meta's seconds.</item>
/// </list>
/// </summary>
public sealed class SendPacer
{
    /// <summary>The part of the limit the pacing aims at: 97%, so ≥ 95% of the limit is kept.</summary>
    public const double Share = 0.97;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly long _interval;
    private readonly Queue<long> _answered = new();
    private long _next;
    private int _inFlight;

    public SendPacer(int messagesPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(messagesPerSecond, 1);
        _time = time;
        MessagesPerSecond = messagesPerSecond;
        _interval = (long)Math.Ceiling(time.TimestampFrequency / (messagesPerSecond * Share));
    }

    public int MessagesPerSecond { get; }

    /// <summary>
    /// Waits until this send may leave. Dispose the lease when Meta's answer (or the failure) has come back.
    /// </summary>
    public async ValueTask<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        long now;
        long slot;
        lock (_gate)
        {
            now = _time.GetTimestamp();
            slot = Math.Max(now, _next);
            _next = slot + _interval;
        }

        if (slot > now)
        {
            await Task.Delay(_time.GetElapsedTime(now, slot), _time, cancellationToken);
        }

        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                now = _time.GetTimestamp();
                while (_answered.Count > 0 && _answered.Peek() <= now - _time.TimestampFrequency)
                {
                    _answered.Dequeue();
                }

                if (_inFlight + _answered.Count < MessagesPerSecond)
                {
                    _inFlight++;
                    return new Lease(this);
                }

                // Room comes back when the oldest answer leaves the window, or when an answer comes back.
                wait = _answered.Count > 0
                    ? _time.GetElapsedTime(now, _answered.Peek() + _time.TimestampFrequency) + TimeSpan.FromMilliseconds(1)
                    : TimeSpan.FromMilliseconds(5);
            }

            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    private void Release()
    {
        lock (_gate)
        {
            _inFlight--;
            _answered.Enqueue(_time.GetTimestamp());
        }
    }

    private sealed class Lease(SendPacer pacer) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                pacer.Release();
            }
        }
    }
}
