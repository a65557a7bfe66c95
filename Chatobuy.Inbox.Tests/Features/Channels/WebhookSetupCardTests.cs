using Bunit;
using Chatobuy.Inbox.Components.Shared;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Chatobuy.Inbox.Tests.Features.Channels;

public sealed class WebhookSetupCardTests : ComponentTestContext
{
    [Fact]
    public void Checklist_NothingReceivedYet_SaysWhatIsStillMissing()
    {
        var card = Render<WebhookSetupCard>(p => p.Add(c => c.WebhookUrl, "https://inbox.example.com/webhooks/whatsapp/abc").Add(c => c.VerifyToken, "vt"));

        card.Find("[data-testid=handshake-waiting]").TextContent.ShouldContain("not received yet");
        card.Find("[data-testid=signed-event-waiting]").TextContent.ShouldContain("not received yet");
        card.FindAll("[data-testid=refused-signatures]").ShouldBeEmpty();
    }

    [Fact]
    public void Checklist_SignedEventsAndRefusals_ShowsBothWithTheAppSecretHint()
    {
        var first = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
        var card = Render<WebhookSetupCard>(p => p
            .Add(c => c.WebhookUrl, "https://inbox.example.com/webhooks/whatsapp/abc")
            .Add(c => c.VerifyToken, "vt")
            .Add(c => c.FirstSignedEventAt, first)
            .Add(c => c.LastSignedEventAt, first.AddHours(1))
            .Add(c => c.RefusedSignatureCount, 2)
            .Add(c => c.LastRefusedSignatureAt, first.AddHours(2)));

        card.Find("[data-testid=signed-event-ok]").TextContent.ShouldContain("First signed event received ✓");
        var refused = card.Find("[data-testid=refused-signatures]").TextContent;
        refused.ShouldContain("2 webhook deliveries were refused");
        refused.ShouldContain("Check the App Secret");
    }

    [Fact]
    public void Checklist_Moments_WrittenAsEveryPageWritesThemWithTheExactTimeOnHover()
    {
        var now = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(now);
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        Services.AddSingleton<TimeProvider>(time);

        var card = Render<WebhookSetupCard>(p => p
            .Add(c => c.WebhookUrl, "https://inbox.example.com/webhooks/whatsapp/abc")
            .Add(c => c.VerifyToken, "vt")
            .Add(c => c.VerifiedAt, now.AddDays(-3))
            .Add(c => c.FirstSignedEventAt, now.AddHours(-2))
            .Add(c => c.LastSignedEventAt, now.AddMinutes(-5))
            .Add(c => c.RefusedSignatureCount, 1)
            .Add(c => c.LastRefusedSignatureAt, now.AddMinutes(-1)));

        var handshake = card.Find("[data-testid=handshake-ok] time");
        handshake.TextContent.ShouldBe(Dates.Short(now.AddDays(-3), now, TimeZoneInfo.Utc));
        handshake.GetAttribute("title").ShouldBe(Dates.Full(now.AddDays(-3), TimeZoneInfo.Utc));
        card.FindAll("[data-testid=signed-event-ok] time").Select(t => t.TextContent)
            .ShouldBe([Dates.Short(now.AddHours(-2), now, TimeZoneInfo.Utc), "5 min ago"]);
        card.Find("[data-testid=refused-signatures] time").TextContent.ShouldBe("1 min ago");
    }
}
