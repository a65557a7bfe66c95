using Chatobuy.Inbox.Features.Outbound;

namespace Chatobuy.Inbox.Tests.Features.Outbound;

/// <summary>The per-number pacer, on a clock the test steps: what Meta would count in any one second.</summary>
public sealed class SendPacerTests
{
    private const int Limit = 50;
    private readonly SteppedClock _clock = new();

    [Fact]
    public Task Acquire_200SendsQueuedAtOnce_EvenlySpacedAndNoSecondOverTheLimit() => Task.Run(async () =>
    {
        var pacer = new SendPacer(Limit, _clock);
        var left = new List<long>();
        var sends = Enumerable.Range(0, 200).Select(async _ =>
        {
            using var lease = await pacer.AcquireAsync(CancellationToken.None);
            lock (left)
            {
                left.Add(_clock.GetTimestamp());
            }
        }).ToList();

        while (sends.Any(s => !s.IsCompleted))
        {
            _clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        await Task.WhenAll(sends);
        left.Sort();
        left.Count.ShouldBe(200);
        var gaps = left.Zip(left.Skip(1), (a, b) => TimeSpan.FromTicks(b - a)).ToList();
        gaps.Min().ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.0 / (Limit * SendPacer.Share)) - TimeSpan.FromMilliseconds(1), "sends never burst");
        MostInAnySecond(left).ShouldBeLessThanOrEqualTo(Limit);
        var perSecond = (left.Count - 1) / TimeSpan.FromTicks(left[^1] - left[0]).TotalSeconds;
        perSecond.ShouldBeGreaterThanOrEqualTo(Limit * 0.95, "at least 95% of the limit is used");
    });

    [Fact]
    public Task Acquire_LimitStillInFlight_NextLeavesOnlyOnceOneIsAnswered() => Task.Run(async () =>
    {
        // A stalled connection: the limit's worth of requests left and none has come back.
        var pacer = new SendPacer(Limit, _clock);
        var leases = new List<IDisposable>();
        for (var i = 0; i < Limit; i++)
        {
            var acquiring = pacer.AcquireAsync(CancellationToken.None).AsTask();
            while (!acquiring.IsCompleted)
            {
                _clock.Advance(TimeSpan.FromMilliseconds(1));
            }

            leases.Add(await acquiring);
        }

        var next = pacer.AcquireAsync(CancellationToken.None).AsTask();
        _clock.Advance(TimeSpan.FromSeconds(5));
        next.IsCompleted.ShouldBeFalse("more than the limit would be in one of Meta's seconds");

        leases[0].Dispose();
        while (!next.IsCompleted)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        (await next).Dispose();
        foreach (var lease in leases)
        {
            lease.Dispose();
        }
    });

    private static int MostInAnySecond(List<long> sorted)
    {
        var most = 0;
        for (int start = 0, end = 0; start < sorted.Count; start++)
        {
            while (end < sorted.Count && sorted[end] - sorted[start] < TimeSpan.TicksPerSecond)
            {
                end++;
            }

            most = Math.Max(most, end - start);
        }

        return most;
    }
}
