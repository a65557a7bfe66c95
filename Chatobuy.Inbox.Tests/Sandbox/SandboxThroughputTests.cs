using Chatobuy.Inbox.Sandbox;
using Chatobuy.Inbox.Sandbox.State;

namespace Chatobuy.Inbox.Tests.Sandbox;

/// <summary>The per-number sliding one-second window, on a clock the test moves.</summary>
public sealed class SandboxThroughputTests
{
    [Fact]
    public void TryAcquire_81stWithinOneSecond_RefusedUntilTheWindowSlides()
    {
        var clock = new ManualClock();
        var throughput = new SandboxThroughput(Microsoft.Extensions.Options.Options.Create(new SandboxOptions()), clock);

        for (var i = 0; i < 80; i++)
        {
            throughput.TryAcquire("phone-a").ShouldBeTrue();
            clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        throughput.TryAcquire("phone-a").ShouldBeFalse();
        throughput.TryAcquire("phone-b").ShouldBeTrue();

        // 810 ms have passed; the first send leaves the window after one second.
        clock.Advance(TimeSpan.FromMilliseconds(200));
        throughput.TryAcquire("phone-a").ShouldBeTrue();
        throughput.TryAcquire("phone-a").ShouldBeFalse();
    }

    [Fact]
    public void TryAcquire_CheckedAfterLaterArrivals_CountedWhenItArrivedAndNoSecondOverTheLimit()
    {
        // Meta counts a request when it reaches its edge; here one is checked after 80 that arrived later than it.
        var clock = new ManualClock();
        var throughput = new SandboxThroughput(Microsoft.Extensions.Options.Options.Create(new SandboxOptions()), clock);
        var start = clock.GetTimestamp();
        for (var i = 0; i < 80; i++)
        {
            throughput.TryAcquire("phone-a").ShouldBeTrue();
            clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        throughput.TryAcquire("phone-a", start - TimeSpan.FromMilliseconds(5).Ticks).ShouldBeFalse("it shares a second with all 80");
        throughput.TryAcquire("phone-a", start - TimeSpan.FromSeconds(1).Ticks).ShouldBeTrue("a whole second before the first");

        var report = throughput.Report("phone-a");
        report.Accepted.ShouldBe(81);
        report.Refused.ShouldBe(1);
        report.MostInAnySecond.ShouldBe(80);
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks = TimeSpan.TicksPerDay;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public override DateTimeOffset GetUtcNow() => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(_ticks);

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
