using Bunit;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Tests.Support;

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
}
