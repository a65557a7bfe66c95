using Chatobuy.Inbox.Features.Outbound;

namespace Chatobuy.Inbox.Tests.Features.Outbound;

public sealed class PairPaceTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TryTake_BurstSpent_OnePermitBackPerIntervalOnTheGivenClock()
    {
        using var pace = new PairPace(2, TimeSpan.FromSeconds(6));

        pace.TryTake("ana", Start).ShouldBeTrue();
        pace.TryTake("ana", Start).ShouldBeTrue();
        pace.TryTake("ana", Start.AddSeconds(5.9)).ShouldBeFalse();
        pace.TryTake("bruno", Start.AddSeconds(5.9)).ShouldBeTrue("every customer has a pace of their own");
        pace.TryTake("ana", Start.AddSeconds(6)).ShouldBeTrue();
        pace.TryTake("ana", Start.AddSeconds(6)).ShouldBeFalse();
    }

    [Fact]
    public void TryTake_LongQuiet_NoMoreThanTheBurstIsSavedUp()
    {
        using var pace = new PairPace(2, TimeSpan.FromSeconds(6));
        pace.TryTake("ana", Start).ShouldBeTrue();

        var later = Start.AddHours(1);

        pace.TryTake("ana", later).ShouldBeTrue();
        pace.TryTake("ana", later).ShouldBeTrue();
        pace.TryTake("ana", later).ShouldBeFalse();
    }

    [Fact]
    public void TryTake_NoInterval_NeverHoldsBack()
    {
        using var pace = new PairPace(1, TimeSpan.Zero);

        Enumerable.Range(0, 10).All(_ => pace.TryTake("ana", Start)).ShouldBeTrue();
    }
}
