using Bunit;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Chatobuy.Inbox.Tests.Features.Inbox;

/// <summary>The 24-hour customer service window as the agent sees it: the countdown chip, driven by a fake clock.</summary>
public sealed class WindowChipTests : ComponentTestContext
{
    private static readonly DateTimeOffset CustomerWrote = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(CustomerWrote);

    public WindowChipTests() => Services.AddSingleton<TimeProvider>(_time);

    [Fact]
    public void Chip_OneSecondBefore24Hours_IsStillOpen()
    {
        _time.SetUtcNow(CustomerWrote + TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));

        var chip = Render<WindowChip>(p => p.Add(c => c.ClosesAt, Row(CustomerWrote).WindowClosesAt));

        chip.Find("[data-testid=window-open]").TextContent.Trim().ShouldBe("0h 00m left");
        chip.FindAll("[data-testid=window-closed]").ShouldBeEmpty();
    }

    [Fact]
    public void Chip_At24Hours_IsClosed()
    {
        _time.SetUtcNow(CustomerWrote + TimeSpan.FromHours(24));

        var chip = Render<WindowChip>(p => p.Add(c => c.ClosesAt, Row(CustomerWrote).WindowClosesAt));

        chip.Find("[data-testid=window-closed]").TextContent.ShouldBe("Window closed");
        chip.FindAll("[data-testid=window-open]").ShouldBeEmpty();
    }

    [Fact]
    public void Chip_AsTimePasses_CountsDownAndClosesAt24Hours()
    {
        var closed = 0;
        var chip = Render<WindowChip>(p => p.Add(c => c.ClosesAt, Row(CustomerWrote).WindowClosesAt).Add(c => c.OnClosed, () => closed++));
        chip.Find("[data-testid=window-open]").TextContent.Trim().ShouldBe("24h 00m left");

        _time.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(1));
        chip.WaitForAssertion(() => chip.Find("[data-testid=window-open]").TextContent.Trim().ShouldBe("0h 59m left"));
        chip.Find("[data-testid=window-open]").ClassList.ShouldContain("mud-chip-color-warning");

        _time.Advance(TimeSpan.FromMinutes(58) + TimeSpan.FromSeconds(59));
        chip.WaitForAssertion(() => chip.Find("[data-testid=window-open]").TextContent.Trim().ShouldBe("0h 00m left"));
        closed.ShouldBe(0);

        _time.Advance(TimeSpan.FromSeconds(1));
        chip.WaitForAssertion(() => chip.Find("[data-testid=window-closed]").TextContent.ShouldBe("Window closed"));
        closed.ShouldBe(1);
    }

    [Fact]
    public void Chip_CustomerNeverWrote_SaysSoInsteadOfWindowClosed()
    {
        var chip = Render<WindowChip>(p => p.Add(c => c.ClosesAt, Row(null).WindowClosesAt));

        chip.Find("[data-testid=window-not-open]").TextContent.ShouldBe("Waiting for the customer");
        chip.Find("[data-testid=window-not-open]").GetAttribute("title")!.ShouldContain("has not written yet");
        chip.Markup.ShouldNotContain("24 hours");
    }

    private static ConversationRow Row(DateTimeOffset? lastInboundAt) =>
        new(1, "channel", "Support line", "5511911110000", "Mark", "Hi", CustomerWrote, lastInboundAt, 0, null, null, ConversationStatus.Open);
}
