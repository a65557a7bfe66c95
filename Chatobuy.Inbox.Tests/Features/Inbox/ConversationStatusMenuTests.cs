using Bunit;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Chatobuy.Inbox.Tests.Features.Inbox;

/// <summary>The status menu in the chat header: what it offers for each status and what each choice asks for.</summary>
public sealed class ConversationStatusMenuTests : ComponentTestContext
{
    // Thursday 3 December 2026, 14:00 UTC.
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 14, 0, 0, TimeSpan.Zero);

    public ConversationStatusMenuTests()
    {
        var clock = new FakeTimeProvider(Now);
        clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        Services.AddSingleton<TimeProvider>(clock);
    }

    [Fact]
    public async Task Open_OffersPendingSnoozeAndUnread_EachTellsThePage()
    {
        var providers = RenderProviders();
        ConversationStatus? status = null;
        var snoozes = new List<DateTimeOffset?>();
        var unread = 0;
        var menu = Render<ConversationStatusMenu>(p => p
            .Add(c => c.Status, ConversationStatus.Open)
            .Add(c => c.OnStatus, s => status = s)
            .Add(c => c.OnSnooze, until => snoozes.Add(until))
            .Add(c => c.OnMarkUnread, () => unread++));
        menu.Find("[data-testid=status-menu] button").TextContent.ShouldContain("Open");

        async Task ChooseAsync(string item)
        {
            await menu.Find("[data-testid=status-menu] button").ClickAsync(new());
            providers.WaitForAssertion(() => providers.Find($"[data-testid={item}]"));
            await providers.Find($"[data-testid={item}]").ClickAsync(new());
        }

        await ChooseAsync("status-pending");
        status.ShouldBe(ConversationStatus.Pending);
        providers.FindAll("[data-testid=status-open]").ShouldBeEmpty();

        await ChooseAsync("snooze-hour");
        await ChooseAsync("snooze-tomorrow");
        await ChooseAsync("snooze-week");
        await ChooseAsync("snooze-reply");
        snoozes.ShouldBe([
            Now.AddHours(1),
            new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero),
            null,
        ]);

        await ChooseAsync("mark-unread");
        unread.ShouldBe(1);
    }

    [Fact]
    public void Snoozed_ShowsUntilWhen()
    {
        var menu = Render<ConversationStatusMenu>(p => p
            .Add(c => c.Status, ConversationStatus.Snoozed)
            .Add(c => c.SnoozedUntil, new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero)));


        var until = new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
        menu.Find("[data-testid=status-menu] button").TextContent.Trim().ShouldBe($"Snoozed until {Chatobuy.Inbox.Components.Shared.Dates.Full(until, TimeZoneInfo.Utc)}");

        Render<ConversationStatusMenu>(p => p.Add(c => c.Status, ConversationStatus.Snoozed))
            .Find("[data-testid=status-menu] button").TextContent.ShouldContain("Snoozed until the customer writes");
    }
}
