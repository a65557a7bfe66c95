using Bunit;
using Chatobuy.Inbox.Components.Shared;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Features.Outbound;
using Chatobuy.Inbox.Tests.Features.Inbox;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Outbound;

/// <summary>What the bubble of a message whose request left without an answer tells the agent, and when it offers Retry.</summary>
public sealed class UnconfirmedNoticeTests : ComponentTestContext
{
    private static readonly DateTimeOffset LeftAt = new(2026, 11, 24, 10, 30, 0, TimeSpan.Zero);
    private readonly ManualTime _time = new(LeftAt);

    public UnconfirmedNoticeTests()
    {
        Services.AddSingleton<TimeProvider>(_time);
    }

    [Fact]
    public void Unconfirmed_MetaSilentForLessThanTheSetting_SaysItWaitsAndOffersNoRetry()
    {
        _time.Advance(TimeSpan.FromMinutes(14));

        var bubble = RenderBubble(Unconfirmed(), _ => { });

        var notice = bubble.Find("[data-testid=unconfirmed]");
        notice.TextContent.ShouldContain($"Waiting for Meta to confirm: the request left at {Local(LeftAt)}");
        bubble.FindAll("[data-testid=retry-unconfirmed]").ShouldBeEmpty();
    }

    [Fact]
    public void Unconfirmed_MetaSilentPastTheSetting_SaysWhatIsKnownAndRetrySendsItAgain()
    {
        _time.Advance(TimeSpan.FromMinutes(15));
        Message? retried = null;

        var bubble = RenderBubble(Unconfirmed(), message => retried = message);

        var notice = bubble.Find("[data-testid=unconfirmed]").TextContent;
        notice.ShouldContain($"The request left at {Local(LeftAt)}, but Meta never answered and no status has arrived since.");
        notice.ShouldContain("It may or may not have reached the customer.");
        bubble.Find("[data-testid=retry-unconfirmed]").Click();
        retried.ShouldNotBeNull().Id.ShouldBe(7);
    }

    [Fact]
    public void Unconfirmed_SettingLongerThanTheSilence_NoRetryYet()
    {
        Services.Configure<OutboundOptions>(o => o.UnconfirmedRetryAfterMinutes = 60);
        _time.Advance(TimeSpan.FromMinutes(30));

        var bubble = RenderBubble(Unconfirmed(), _ => { });

        bubble.Find("[data-testid=unconfirmed]").GetAttribute("data-overdue").ShouldBe("false");
        bubble.FindAll("[data-testid=retry-unconfirmed]").ShouldBeEmpty();
    }

    [Fact]
    public void Sent_LongAgo_NoUnconfirmedNotice()
    {
        _time.Advance(TimeSpan.FromHours(2));
        var message = Unconfirmed();
        message.Status = MessageStatus.Sent;
        message.ErrorTitle = null;

        RenderBubble(message, _ => { }).FindAll("[data-testid=unconfirmed]").ShouldBeEmpty();
    }

    private string Local(DateTimeOffset at) => Dates.Full(at, _time.LocalTimeZone);

    private static Message Unconfirmed() => new()
    {
        Id = 7,
        Direction = MessageDirection.Outbound,
        Type = "text",
        Text = "Your order shipped",
        Status = MessageStatus.Pending,
        StatusAt = LeftAt,
        ErrorTitle = OutboundSender.UnconfirmedTitle,
        ErrorDetails = "The app stopped after this message's request left, before Meta answered.",
        Timestamp = LeftAt,
        CreatedAt = LeftAt,
    };

    private IRenderedComponent<MessageBubble> RenderBubble(Message message, Action<Message> onRetry) =>
        Render<MessageBubble>(p => p.Add(b => b.Message, message).Add(b => b.OnRetry, onRetry));
}
