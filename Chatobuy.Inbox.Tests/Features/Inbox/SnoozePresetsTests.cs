using Chatobuy.Inbox.Features.Inbox;

namespace Chatobuy.Inbox.Tests.Features.Inbox;

/// <summary>The snooze menu's moments, in the agent's own time zone.</summary>
public sealed class SnoozePresetsTests
{
    // Thursday 3 December 2026, 22:30 UTC: already Friday 07:30 in Sydney (UTC+11 in summer).
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 22, 30, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Sydney = TimeZoneInfo.FindSystemTimeZoneById("Australia/Sydney");

    [Fact]
    public void InAnHour_IsAnHourFromNow() => SnoozePresets.InAnHour(Now).ShouldBe(Now.AddHours(1));

    [Fact]
    public void TomorrowMorning_IsNineOClockTomorrowInTheAgentsZone()
    {
        SnoozePresets.TomorrowMorning(Now, TimeZoneInfo.Utc).ShouldBe(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
        // In Sydney it is Friday already: tomorrow is Saturday, 9:00 there.
        SnoozePresets.TomorrowMorning(Now, Sydney).ShouldBe(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.FromHours(11)));
    }

    [Fact]
    public void NextWeek_IsMondayNineOClock_AWeekAwayOnAMonday()
    {
        SnoozePresets.NextWeek(Now, TimeZoneInfo.Utc).ShouldBe(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var monday = new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
        SnoozePresets.NextWeek(monday, TimeZoneInfo.Utc).ShouldBe(new DateTimeOffset(2026, 12, 14, 9, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void CustomSnooze_InThePast_IsRefusedNextToTheTime()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now);
        clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        var validator = new SnoozeValidator(clock);

        var past = validator.Validate(new SnoozeModel { Day = new DateTime(2026, 12, 3), Time = TimeSpan.FromHours(9) });
        past.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe(nameof(SnoozeModel.Time));
        past.Errors[0].ErrorMessage.ShouldBe("Pick a time in the future.");

        validator.Validate(new SnoozeModel { Day = new DateTime(2026, 12, 4), Time = TimeSpan.FromHours(9) }).IsValid.ShouldBeTrue();
        validator.Validate(new SnoozeModel()).Errors.Select(e => e.ErrorMessage).ShouldBe(["Pick a day.", "Pick a time."]);
    }
}
