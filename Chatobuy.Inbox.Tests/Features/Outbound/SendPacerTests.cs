using Chatobuy.Inbox.Features.Outbound;

namespace Chatobuy.Inbox.Tests.Features.Outbound;

/// <summary>
/// The per-number pacer, on a clock the test steps: what Meta would count in any one second, with sends that take
/// Meta's round trip to come back.
/// </summary>
[Collection(SteppedClockCollection.Name)]
public sealed class SendPacerTests
{
    private const int Limit = 50;
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(1);
    private readonly SteppedClock _clock = new();

    [Fact]
    public Task Acquire_200SendsQueuedAtOnce_EvenlySpacedAndNoSecondOverTheLimit() => Task.Run(async () =>
    {
        var run = await RunAsync(200, claim: _ => TimeSpan.Zero, roundTrip: _ => TimeSpan.Zero);

        var gaps = run.Departures.Zip(run.Departures.Skip(1), (a, b) => TimeSpan.FromTicks(b - a)).ToList();
        gaps.Min().ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.0 / (Limit * SendPacer.Share)) - Step, "sends never burst");
        MostWithin(run.Departures, TimeSpan.FromSeconds(1)).ShouldBeLessThanOrEqualTo(Limit);
        run.PerSecond.ShouldBeGreaterThanOrEqualTo(Limit * 0.95, "at least 95% of the limit is used");
    });

    [Fact]
    public Task Acquire_HalfSecondRoundTrip_AtLeast95PercentOfTheLimitAndNoSecondOverIt() => Task.Run(async () =>
    {
        var run = await RunAsync(300, claim: _ => TimeSpan.Zero, roundTrip: _ => TimeSpan.FromMilliseconds(500));

        run.PerSecond.ShouldBeGreaterThanOrEqualTo(Limit * 0.95, "the round trip must not slow the rate");
        MostWithin(run.Departures, TimeSpan.FromSeconds(1)).ShouldBeLessThanOrEqualTo(Limit);
        MostWithin(run.Departures, TimeSpan.FromSeconds(1) + SendPacer.Margin).ShouldBeLessThanOrEqualTo(Limit, "a request that arrives up to the margin late must still fit");
        run.MostInFlight.ShouldBeLessThanOrEqualTo(Limit);
        run.MostInFlight.ShouldBeGreaterThan(Limit / 4, "the round trip is covered by sends in flight at once");
    });

    [Fact]
    public Task Acquire_JitteredClaimAndRoundTrip_AtLeast95PercentOfTheLimitAndNoSecondOverIt() => Task.Run(async () =>
    {
        // A claim (the outbox row's write) of 0–20 ms between being let go and leaving, and Meta answering in 200–800 ms.
        var random = new Random(12);
        var claims = Enumerable.Range(0, 400).Select(_ => TimeSpan.FromMilliseconds(random.Next(0, 21))).ToArray();
        var trips = Enumerable.Range(0, 400).Select(_ => TimeSpan.FromMilliseconds(random.Next(200, 801))).ToArray();

        var run = await RunAsync(400, claim: i => claims[i], roundTrip: i => trips[i]);

        run.PerSecond.ShouldBeGreaterThanOrEqualTo(Limit * 0.95);
        MostWithin(run.Departures, TimeSpan.FromSeconds(1) + SendPacer.Margin).ShouldBeLessThanOrEqualTo(Limit);
        run.MostInFlight.ShouldBeLessThanOrEqualTo(Limit);
    });

    [Fact]
    public Task Acquire_RoundTripLongerThanASecond_NeverMoreThanTheLimitInFlight() => Task.Run(async () =>
    {
        var run = await RunAsync(150, claim: _ => TimeSpan.Zero, roundTrip: _ => TimeSpan.FromSeconds(2));

        run.Departures.Count.ShouldBe(150);
        run.MostInFlight.ShouldBe(Limit, "the limit in flight, and never more");
        MostWithin(run.Departures, TimeSpan.FromSeconds(1) + SendPacer.Margin).ShouldBeLessThanOrEqualTo(Limit);
    });

    [Fact]
    public Task Acquire_LimitLeftAndAnsweredAtOnce_NextWaitsUntilTheOldestIsASecondAndTheMarginOld() => Task.Run(async () =>
    {
        var pacer = new SendPacer(Limit, _clock);
        long first = 0;
        for (var i = 0; i < Limit; i++)
        {
            using var send = await AcquireSteppingAsync(pacer);
            send.Depart();
            first = i == 0 ? _clock.GetTimestamp() : first;
        }

        var next = pacer.AcquireAsync(CancellationToken.None).AsTask();
        while (_clock.GetTimestamp() < first + TimeSpan.FromSeconds(1).Ticks)
        {
            _clock.Advance(Step);
        }

        next.IsCompleted.ShouldBeFalse("a request that reaches Meta a little late could still share Meta's second with the first");
        _clock.Advance(SendPacer.Margin);
        await WaitForAsync(next);
        (await next).Dispose();
    });

    [Fact]
    public Task Acquire_LetGoButNotLeftYet_CountsAsLeavingNow() => Task.Run(async () =>
    {
        // Half the limit was let go and is still claiming its outbox row; the other half then left and was answered.
        var pacer = new SendPacer(Limit, _clock);
        var claiming = new List<PacedSend>();
        for (var i = 0; i < Limit; i++)
        {
            var send = await AcquireSteppingAsync(pacer);
            if (i >= Limit / 2)
            {
                send.Depart();
                send.Dispose();
            }
            else
            {
                claiming.Add(send);
            }
        }

        // Its slot comes, and only half the limit has left within the last second.
        var next = pacer.AcquireAsync(CancellationToken.None).AsTask();
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        next.IsCompleted.ShouldBeFalse("those still claiming may leave at any moment");

        // One gives up before leaving (another sender took its row): its turn is given back uncounted.
        claiming[0].Dispose();
        await WaitForAsync(next);
        (await next).Dispose();
        foreach (var send in claiming.Skip(1))
        {
            send.Dispose();
        }

        pacer.InFlight.ShouldBe(0);
    });

    [Fact]
    public Task Acquire_LimitStillInFlight_NextLeavesOnlyOnceOneIsAnswered() => Task.Run(async () =>
    {
        // A stalled connection: the limit's worth of requests left and none has come back.
        var pacer = new SendPacer(Limit, _clock);
        var sends = new List<PacedSend>();
        for (var i = 0; i < Limit; i++)
        {
            var send = await AcquireSteppingAsync(pacer);
            send.Depart();
            sends.Add(send);
        }

        var next = pacer.AcquireAsync(CancellationToken.None).AsTask();
        _clock.Advance(TimeSpan.FromSeconds(5));
        next.IsCompleted.ShouldBeFalse("more than the limit would be in flight");

        sends[0].Dispose();
        await WaitForAsync(next);
        (await next).Dispose();
        foreach (var send in sends)
        {
            send.Dispose();
        }
    });

    /// <summary>
    /// <paramref name="count"/> sends queued at once: each is let go, claims for its time, leaves, and is answered after
    /// its round trip, while the test steps the clock a millisecond at a time.
    /// </summary>
    private async Task<PacedRun> RunAsync(int count, Func<int, TimeSpan> claim, Func<int, TimeSpan> roundTrip)
    {
        var pacer = new SendPacer(Limit, _clock);
        var departures = new List<long>();
        var inFlight = 0;
        var mostInFlight = 0;
        var sends = Enumerable.Range(0, count).Select(async i =>
        {
            using var send = await pacer.AcquireAsync(CancellationToken.None);
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref mostInFlight, now);
            if (claim(i) > TimeSpan.Zero)
            {
                await Task.Delay(claim(i), _clock);
            }

            send.Depart();
            lock (departures)
            {
                departures.Add(_clock.GetTimestamp());
            }

            if (roundTrip(i) > TimeSpan.Zero)
            {
                await Task.Delay(roundTrip(i), _clock);
            }

            Interlocked.Decrement(ref inFlight);
        }).ToList();

        var all = Task.WhenAll(sends);
        await WaitForAsync(all);
        departures.Sort();
        var seconds = TimeSpan.FromTicks(departures[^1] - departures[0]).TotalSeconds;
        return new PacedRun(departures, seconds > 0 ? (departures.Count - 1) / seconds : 0, mostInFlight);
    }

    private async Task<PacedSend> AcquireSteppingAsync(SendPacer pacer)
    {
        var acquiring = pacer.AcquireAsync(CancellationToken.None).AsTask();
        await WaitForAsync(acquiring);
        return await acquiring;
    }

    /// <summary>Steps the clock until the task is done (sends woken by an answer run on the pool: give them a moment).</summary>
    private async Task WaitForAsync(Task task)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!task.IsCompleted)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the sends never finished");
            _clock.Advance(Step);

            // Let whatever the step woke on the pool run before the clock moves again.
            for (var i = 0; i < 50 && ThreadPool.PendingWorkItemCount > 0; i++)
            {
                Thread.Sleep(1);
            }

            if (!task.IsCompleted)
            {
                await Task.Yield();
            }
        }

        await task;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var was = Interlocked.CompareExchange(ref target, value, seen);
            if (was == seen)
            {
                return;
            }

            seen = was;
        }
    }

    private static int MostWithin(List<long> sorted, TimeSpan window)
    {
        var most = 0;
        for (int start = 0, end = 0; start < sorted.Count; start++)
        {
            while (end < sorted.Count && sorted[end] - sorted[start] < window.Ticks)
            {
                end++;
            }

            most = Math.Max(most, end - start);
        }

        return most;
    }

    private sealed record PacedRun(List<long> Departures, double PerSecond, int MostInFlight);
}
