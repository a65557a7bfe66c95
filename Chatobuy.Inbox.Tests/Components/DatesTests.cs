using System.Globalization;
using Bunit;
using Chatobuy.Inbox.Components.Shared;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Chatobuy.Inbox.Tests.Components;

/// <summary>One way of writing a moment on every page: relative within the hour, the time today, a date before.</summary>
public sealed class DatesTests : ComponentTestContext
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 30, 0, TimeSpan.Zero);
    private static readonly CultureInfo Us = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");
    private readonly FakeTimeProvider _time = new(Now);

    public DatesTests()
    {
        _time.SetLocalTimeZone(TimeZoneInfo.Utc);
        Services.AddSingleton<TimeProvider>(_time);
    }

    [Theory]
    [InlineData(0, "just now")]
    [InlineData(5, "5 min ago")]
    [InlineData(59, "59 min ago")]
    public void Short_WithinTheHour_IsRelative(int minutesAgo, string expected) =>
        Dates.Short(Now.AddMinutes(-minutesAgo), Now, TimeZoneInfo.Utc, Us).ShouldBe(expected);

    [Fact]
    public void Short_EarlierToday_IsTheTimeInTheCulturesPattern()
    {
        // ICU writes a narrow no-break space before AM/PM.
        Dates.Short(Now.AddHours(-1.5), Now, TimeZoneInfo.Utc, Us).Replace('\u202f', ' ').ShouldBe("2:00 PM");
        Dates.Short(Now.AddHours(-1.5), Now, TimeZoneInfo.Utc, Uk).ShouldBe("14:00");
    }

    [Fact]
    public void Short_EarlierDays_IsADateInTheCulturesPattern()
    {
        Dates.Short(new DateTimeOffset(2026, 2, 3, 9, 0, 0, TimeSpan.Zero), Now, TimeZoneInfo.Utc, Us).ShouldBe("Feb 3");
        Dates.Short(new DateTimeOffset(2026, 2, 3, 9, 0, 0, TimeSpan.Zero), Now, TimeZoneInfo.Utc, Uk).ShouldBe("3 Feb");
        Dates.Short(new DateTimeOffset(2025, 12, 24, 9, 0, 0, TimeSpan.Zero), Now, TimeZoneInfo.Utc, Uk).ShouldBe("24/12/2025");
    }

    [Fact]
    public void Day_TodayYesterdayAndBefore()
    {
        Dates.Day(new DateOnly(2026, 3, 10), Now, TimeZoneInfo.Utc, Uk).ShouldBe("Today");
        Dates.Day(new DateOnly(2026, 3, 9), Now, TimeZoneInfo.Utc, Uk).ShouldBe("Yesterday");
        Dates.Day(new DateOnly(2026, 3, 2), Now, TimeZoneInfo.Utc, Uk).ShouldBe("Monday, 2 March 2026");
    }

    [Fact]
    public void ConversationListAndChannelsPage_WriteMomentsTheSameWay()
    {
        using var culture = new CultureScope(Uk);
        var row = new ConversationRow(1, "c", "Support", "5511911110000", "Mark", "Hi", Now.AddMinutes(-5), Now.AddMinutes(-5), 0, null, null, ConversationStatus.Open);

        var list = Render<ConversationList>(p => p.Add(l => l.Items, [row]));
        var when = Render<When>(p => p.Add(w => w.At, Now.AddDays(-20)));

        list.Find(".conversation-time time").TextContent.ShouldBe("5 min ago");
        list.Find(".conversation-time time").GetAttribute("title").ShouldBe("10/03/2026 15:25");
        when.Find("time").TextContent.ShouldBe("18 Feb");
    }

    [Fact]
    public void ConversationList_TimePasses_RelativeTimesMoveOnWithoutAReload()
    {
        var row = new ConversationRow(1, "c", "Support", "5511911110000", "Mark", "Hi", Now.AddMinutes(-5), Now.AddMinutes(-5), 0, null, null, ConversationStatus.Open);
        var list = Render<ConversationList>(p => p.Add(l => l.Items, [row]));
        list.Find(".conversation-time time").TextContent.ShouldBe("5 min ago");

        _time.Advance(TimeSpan.FromMinutes(2));

        list.WaitForAssertion(() => list.Find(".conversation-time time").TextContent.ShouldBe("7 min ago"));
    }

    /// <summary>Sets the thread's culture for the test and restores it.</summary>
    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;

        public CultureScope(CultureInfo culture) => CultureInfo.CurrentCulture = culture;

        public void Dispose() => CultureInfo.CurrentCulture = _culture;
    }
}
