namespace Chatobuy.Inbox.Tests.Features.Outbound;

/// <summary>
/// A clock that moves only when the test steps it; timers (and so <c>Task.Delay</c> on it) fire as it passes their time.
/// </summary>
internal sealed class SteppedClock : TimeProvider
{
    private static readonly DateTimeOffset Epoch = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly Lock _gate = new();
    private readonly List<SteppedTimer> _timers = [];
    private long _ticks = TimeSpan.TicksPerHour;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Timers armed and not yet due: for the outbound pacer, the sends waiting for their turn.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return _ticks;
        }
    }

    public override DateTimeOffset GetUtcNow() => Epoch.AddTicks(GetTimestamp());

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SteppedTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock on and fires, in order, the timers that came due.</summary>
    public void Advance(TimeSpan by)
    {
        List<SteppedTimer> due;
        lock (_gate)
        {
            _ticks += by.Ticks;
            due = _timers.Where(t => t.DueAt <= _ticks).OrderBy(t => t.DueAt).ToList();
            foreach (var timer in due)
            {
                _timers.Remove(timer);
            }
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    /// <summary>A one-shot timer (the period is not needed by what the tests drive).</summary>
    private sealed class SteppedTimer(SteppedClock clock, TimerCallback callback, object? state) : ITimer
    {
        public long DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                clock._timers.Remove(this);
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    return true;
                }

                if (dueTime > TimeSpan.Zero)
                {
                    DueAt = clock._ticks + dueTime.Ticks;
                    clock._timers.Add(this);
                    return true;
                }
            }

            Fire();
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (clock._gate)
            {
                clock._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
