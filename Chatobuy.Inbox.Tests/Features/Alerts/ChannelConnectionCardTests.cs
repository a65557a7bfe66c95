using Bunit;
using Chatobuy.Inbox.Features.Alerts;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Alerts;

/// <summary>The disconnected banner and the Replace token form on the channel details page, and the notice banners.</summary>
public sealed class ChannelConnectionCardTests : ComponentTestContext
{
    public ChannelConnectionCardTests()
    {
        Services.AddSingleton<ReplaceTokenValidator>();
    }

    [Fact]
    public void Disconnected_ShowsTheReasonAndThatSendingWaits()
    {
        RenderProviders();

        var card = Render<ChannelConnectionCard>(p => p
            .Add(c => c.Channel, View(ChannelStatus.Disconnected, "Meta refused the access token. Replace the token: Channels → Shop → Replace token."))
            .Add(c => c.ReplaceToken, _ => Task.FromResult(ChannelCommandResult.Ok))
            .Add(c => c.Resubscribe, () => Task.FromResult(ChannelCommandResult.Ok)));

        card.Find("[data-testid=disconnected-reason]").TextContent.ShouldContain("Replace the token: Channels → Shop → Replace token.");
        card.Find("[data-testid=disconnected-banner]").TextContent.ShouldContain("messages wait in the queue");
    }

    [Fact]
    public async Task ReplaceToken_TooShort_ErrorNextToTheField_NothingSent()
    {
        RenderProviders();
        var calls = new List<string>();
        var card = Render<ChannelConnectionCard>(p => p
            .Add(c => c.Channel, View(ChannelStatus.Disconnected, "Token refused."))
            .Add(c => c.ReplaceToken, m =>
            {
                calls.Add(m.AccessToken);
                return Task.FromResult(ChannelCommandResult.Ok);
            })
            .Add(c => c.Resubscribe, () => Task.FromResult(ChannelCommandResult.Ok)));

        card.Find("#replace-token").Change("short");
        await card.Find("[data-testid=replace-token]").ClickAsync(new());

        card.WaitForAssertion(() => card.Markup.ShouldContain("too short to be a System User Access Token"));
        calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task ReplaceToken_MetaRefuses_ShowsWhy_ThenAcceptedShowsSuccess()
    {
        RenderProviders();
        var answers = new Queue<ChannelCommandResult>([new(false, "Meta does not accept this token (expired, revoked or mistyped)."), ChannelCommandResult.Ok]);
        var card = Render<ChannelConnectionCard>(p => p
            .Add(c => c.Channel, View(ChannelStatus.Disconnected, "Token refused."))
            .Add(c => c.ReplaceToken, _ => Task.FromResult(answers.Dequeue()))
            .Add(c => c.Resubscribe, () => Task.FromResult(ChannelCommandResult.Ok)));

        card.Find("#replace-token").Change("EAAold0123456789abcdefghij");
        await card.Find("[data-testid=replace-token]").ClickAsync(new());
        card.WaitForAssertion(() => card.Find("[data-testid=connection-result]").TextContent.ShouldContain("Meta does not accept this token"));

        card.Find("#replace-token").Change("EAAnew0123456789abcdefghij");
        await card.Find("[data-testid=replace-token]").ClickAsync(new());
        card.WaitForAssertion(() => card.Find("[data-testid=connection-result]").TextContent.ShouldContain("The new token is saved and the channel works."));
    }

    [Fact]
    public async Task NoticeList_ShowsBannersUntilDismissed()
    {
        RenderProviders();
        var dismissed = new List<long>();
        var notices = new[]
        {
            new ChannelNotice { Id = 2, ChannelId = "c", Kind = ChannelNoticeKind.QualityDown, Title = "Quality rating of Shop dropped from GREEN to YELLOW", Body = "What to do: send fewer templates.", CreatedAt = DateTimeOffset.UtcNow },
            new ChannelNotice { Id = 1, ChannelId = "c", Kind = ChannelNoticeKind.Reconnected, Title = "Channel Shop reconnected", Body = "Works again.", CreatedAt = DateTimeOffset.UtcNow.AddHours(-1), DismissedAt = DateTimeOffset.UtcNow },
        };

        var list = Render<ChannelNoticeList>(p => p
            .Add(c => c.Notices, notices)
            .Add(c => c.OnDismiss, (long id) => dismissed.Add(id)));

        var banner = list.Find("[data-testid=notice-banner]");
        banner.TextContent.ShouldContain("Quality rating of Shop dropped from GREEN to YELLOW");
        list.FindAll("[data-testid=notice-banner]").Count.ShouldBe(1);
        await banner.QuerySelector("button")!.ClickAsync(new());
        dismissed.ShouldBe([2L]);
    }

    private static ChannelView View(ChannelStatus status, string? reason) => new(
        "c", "Shop", "+1 555-0100", "Shop", "1001", "111", "Store account", "123456", "GREEN", status, reason, false,
        DateTimeOffset.UtcNow, "http://graph.test/v23.0", false, "••••••••abcd", "verify", null, [], ReadReceiptPolicy.WhenOpened,
        null, null, null, null, null, 0, null);
}
