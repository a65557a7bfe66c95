namespace Chatobuy.Inbox.Features.Outbound;

/// <summary>
/// Keeps one phone number's sends within its throughput (reference §8.3) as Meta counts it: at most
/// <see cref="MessagesPerSecond"/> requests arriving in any one second, whatever the round trip.
/// <list type="number">
/// <item>Pacing: each send takes the next slot, one every 1/(limit·<see cref="Share"/>) seconds, so sends are spread
/// evenly and never burst. A slot nobody was waiting for is not saved up, so idle time buys no burst.</item>
/// <item>A window of departures: a request is counted when it actually leaves (<see cref="PacedSend.Depart"/>, taken
/// just before the HTTP call, after the outbox row's claim), and a send is let go only while fewer than the limit
/// left within the last second plus <see cref="Margin"/> or were let go and have not left yet. So no
/// 1 s + <see cref="Margin"/> of departures holds more than the limit, and a request that reaches Meta up to
/// <see cref="Margin"/> later than another one (scheduling, the loopback, a busy machine) still cannot put more than
/// the limit into one of Meta's seconds.</item>
/// <item>Concurrency for the round trip: up to the limit may be out at once, so a slow answer does not slow the rate
/// (at 400 ms, about 0.4 × limit are out); more than the limit waits for an answer.</item>
/// <item>Hold-ups: when a send wakes up later than it should have (the machine was busy), requests already on their
/// way may have been held up as long, so the departures in the window are counted that much later.</item>
/// </list>
/// The rate is then about limit ÷ (1 s + <see cref="Margin"/> + the time from being let go to leaving), whatever the
/// round trip.
/// </summary>
public sealed class SendPacer
{
    /// <summary>The part of the limit the pacing aims at: 97%, so ≥ 95% of the limit is kept.</summary>
    public const double Share = 0.97;

    /// <summary>
    /// How much later than the others a request may reach Meta, after it left, without more than the limit counted in
    /// one of Meta's seconds: departures are counted over one second plus this.
    /// </summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(25);

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly long _interval;
    private readonly long _window;
    private readonly Queue<long> _departed = new();
    private TaskCompletionSource _answered = NewSignal();
    private long _next;
    private long _heldUpUntil;
    private int _leaving;
    private int _inFlight;

    public SendPacer(int messagesPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(messagesPerSecond, 1);
        _time = time;
        MessagesPerSecond = messagesPerSecond;
        _interval = (long)Math.Ceiling(time.TimestampFrequency / (messagesPerSecond * Share));
        _window = time.TimestampFrequency + (long)Math.Ceiling(Margin.TotalSeconds * time.TimestampFrequency);
    }

    public int MessagesPerSecond { get; }

    /// <summary>Sends let go whose answer (or failure) has not come back yet: never more than the limit.</summary>
    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight;
            }
        }
    }

    /// <summary>
    /// Waits until this send may go. Call <see cref="PacedSend.Depart"/> right before the request is made, and dispose
    /// the send when Meta's answer (or the failure) has come back; one that never departs is simply given back.
    /// </summary>
    public async ValueTask<PacedSend> AcquireAsync(CancellationToken cancellationToken)
    {
        long now;
        long slot;
        lock (_gate)
        {
            now = _time.GetTimestamp();
            slot = Math.Max(now, _next);
            _next = slot + _interval;
        }

        var due = 0L;
        if (slot > now)
        {
            await Task.Delay(_time.GetElapsedTime(now, slot), _time, cancellationToken);
            due = slot;
        }

        while (true)
        {
            TimeSpan? untilRoom;
            Task answered;
            lock (_gate)
            {
                now = _time.GetTimestamp();
                if (due > 0)
                {
                    NoteWakeUp(due, now);
                    due = 0;
                }

                while (_departed.Count > 0 && _departed.Peek() <= now - _window)
                {
                    _departed.Dequeue();
                }

                if (_inFlight < MessagesPerSecond && _leaving + _departed.Count < MessagesPerSecond)
                {
                    _inFlight++;
                    _leaving++;
                    return new PacedSend(this);
                }

                // Room comes back when the oldest departure leaves the window, or when an answer comes back.
                answered = _answered.Task;
                untilRoom = _inFlight < MessagesPerSecond && _departed.Count > 0
                    ? _time.GetElapsedTime(now, _departed.Peek() + _window)
                    : null;
            }

            if (untilRoom is not { } wait)
            {
                await answered.WaitAsync(cancellationToken);
                continue;
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var roomAt = now + (long)(wait.TotalSeconds * _time.TimestampFrequency);
            var delay = Task.Delay(wait, _time, stop.Token);
            if (await Task.WhenAny(answered, delay) == delay && delay.IsCompletedSuccessfully)
            {
                due = roomAt;
            }

            // Cancelled in place (not CancelAsync, which runs the timer's removal on the pool): a send woken here
            // goes on at once, on the clock it was woken by.
            stop.Cancel();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>
    /// A wake-up due at <paramref name="due"/> came at <paramref name="now"/>. Late by more than half the margin, the
    /// process was held up (a busy machine, a collection, a starved thread pool), and so may have been the requests on
    /// their way out, which then reach Meta together with the next ones: those counted in the window are counted as if
    /// they left that much later (never later than now). A hold-up is counted once, however many sends noticed it.
    /// </summary>
    private void NoteWakeUp(long due, long now)
    {
        var late = now - Math.Max(due, _heldUpUntil) - (_window - _time.TimestampFrequency) / 2;
        if (late <= 0)
        {
            return;
        }

        _heldUpUntil = now;
        for (var i = _departed.Count; i > 0; i--)
        {
            _departed.Enqueue(Math.Min(_departed.Dequeue() + late, now));
        }
    }

    /// <summary>The send's request leaves now: from here it counts in the window until 1 s + margin later.</summary>
    internal void Depart()
    {
        lock (_gate)
        {
            _leaving--;
            _departed.Enqueue(_time.GetTimestamp());
        }
    }

    /// <summary>The send's answer came back (or it never left): its place in flight is free.</summary>
    internal void Release(bool departed)
    {
        TaskCompletionSource answered;
        lock (_gate)
        {
            _inFlight--;
            if (!departed)
            {
                _leaving--;
            }

            answered = _answered;
            _answered = NewSignal();
        }

        answered.TrySetResult();
    }

    /// <summary>
    /// A send waiting for an answer goes on in the thread that brought the answer (<see cref="Release"/> sets it after
    /// leaving the lock), so a freed place is taken at once rather than whenever the pool gets to it.
    /// </summary>
    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.None);
}
