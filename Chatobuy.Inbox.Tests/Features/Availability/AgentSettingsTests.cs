using Chatobuy.Inbox.Features.Availability;

namespace Chatobuy.Inbox.Tests.Features.Availability;

/// <summary>What others see of an agent's availability: their choice while active, Offline once idle or signed out.</summary>
public sealed class AgentSettingsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);

    [Theory]
    [InlineData(AvailabilityStatus.Online)]
    [InlineData(AvailabilityStatus.Busy)]
    [InlineData(AvailabilityStatus.Offline)]
    public void ShownAt_WhileActive_IsWhatTheAgentChose(AvailabilityStatus chosen) =>
        new AgentSettings { Chosen = chosen, LastActiveAt = Now.AddMinutes(-29) }.ShownAt(Now, Idle).ShouldBe(chosen);

    [Fact]
    public void ShownAt_AfterTheIdleTime_IsOffline() =>
        new AgentSettings { Chosen = AvailabilityStatus.Online, LastActiveAt = Now.AddMinutes(-30) }.ShownAt(Now, Idle).ShouldBe(AvailabilityStatus.Offline);

    [Fact]
    public void ShownAt_AfterSigningOut_OfflineUntilActiveAgain()
    {
        var settings = new AgentSettings { Chosen = AvailabilityStatus.Busy, LastActiveAt = Now.AddMinutes(-5), SignedOutAt = Now.AddMinutes(-1) };
        settings.ShownAt(Now, Idle).ShouldBe(AvailabilityStatus.Offline);

        settings.LastActiveAt = Now;
        settings.ShownAt(Now, Idle).ShouldBe(AvailabilityStatus.Busy);
    }

    [Fact]
    public void ShownAt_NeverActive_IsOffline() => new AgentSettings().ShownAt(Now, Idle).ShouldBe(AvailabilityStatus.Offline);
}
