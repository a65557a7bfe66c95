using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Forwarding;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Features.Forwarding;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using netDumbster.smtp;

namespace Chatobuy.Inbox.Tests.Browser;

/// <summary>
/// Issue 15 end to end in the browser: an Admin sets the channel's alert e-mail and forwarding URL, the Sandbox expires
/// the token, the open details page turns Disconnected with Replace token, the e-mail arrives (real SMTP on loopback),
/// the Admin pastes the new token, the channel reconnects, the reply that waited goes out, and the integrator's
/// receiver got the channel's events, signed.
/// </summary>
public sealed class ChannelAlertsBrowserTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private const string AdminAddress = "ada@example.com";
    private const string AlertAddress = "ops@example.com";
    private const string CustomerWaId = "5511977000015";

    private readonly SimpleSmtpServer _smtp = SimpleSmtpServer.Start();
    private readonly InboxApp _app = new();
    private ForwardingReceiver _receiver = default!;
    private Channel _channel = default!;

    public async Task InitializeAsync()
    {
        _receiver = await ForwardingReceiver.StartAsync();
        _app.Settings["Mail:Host"] = "localhost";
        _app.Settings["Mail:Port"] = _smtp.Configuration.Port.ToString(CultureInfo.InvariantCulture);
        _app.Settings["Mail:TlsMode"] = "None";
        _app.Settings["Mail:From"] = "Inbox alerts <alerts@example.com>";
        _app.Settings["Sandbox:StatusDelaysMilliseconds"] = "50,150,300";
        _app.Settings["Sandbox:Webhooks:RetryBaseMilliseconds"] = "50";
        await _app.InitializeAsync();
        await using var scope = _app.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        (await users.CreateFirstAdminAsync(AdminAddress, "Ada", Password)).Succeeded.ShouldBeTrue();
        _channel = await SandboxChannel.ConnectAsync(_app, "Support");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _receiver.DisposeAsync();
        _smtp.Stop();
        _smtp.Dispose();
    }

    [Fact]
    public async Task TokenExpires_ChannelShowsDisconnectedAndMails_ReplaceTokenReconnectsAndTheReplyGoesOut()
    {
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        try
        {
            var ada = await browser.SignInAsync(_app.BaseAddress, AdminAddress, Password);

            // Mail settings: the inbox sends through the test's SMTP server, and a test e-mail gets there.
            await ada.GotoAsync("/settings/mail");
            await ada.WaitForInteractiveAsync();
            await Assertions.Expect(ada.Locator("[data-testid=mail-mode]")).ToHaveTextAsync($"SMTP server localhost:{_smtp.Configuration.Port} (no TLS, without signing in)");
            await ada.FillAsync("#test-mail-address", AlertAddress);
            await ada.ClickAsync("[data-testid=send-test-mail]");
            await Assertions.Expect(ada.Locator("[data-testid=test-mail-result]")).ToHaveTextAsync($"Sent to {AlertAddress} through localhost:{_smtp.Configuration.Port}.");
            (await _smtp.WaitForMailAsync("Chatobuy Inbox: test e-mail")).To.Mailboxes.Select(m => m.Address).ShouldBe([AlertAddress]);

            // Channels → ⋮ → Edit: the alert e-mail and the forwarding URL.
            await ada.GotoAsync("/channels");
            await ada.WaitForInteractiveAsync();
            await ada.Locator("[data-testid=channel-menu] button").First.ClickAsync();
            await ada.Locator("[data-testid=menu-edit]").ClickAsync();
            await ada.FillAsync("input[data-testid=edit-forwarding]", _receiver.Url);
            await ada.FillAsync("textarea[data-testid=edit-emails]", AlertAddress);
            await ada.ClickAsync("[data-testid=edit-save]");
            await Assertions.Expect(ada.Locator(".mud-snackbar")).ToContainTextAsync("Channel saved.");

            // The details page, open from here on and never reloaded: connected, forwarding to the receiver.
            await ada.GotoAsync($"/channels/{_channel.Id}");
            await ada.WaitForInteractiveAsync();
            var status = ada.Locator("[data-testid=status]");
            await Assertions.Expect(status).ToHaveTextAsync("Connected");
            await Assertions.Expect(ada.Locator("[data-testid=connected-text]")).ToBeVisibleAsync();
            await Assertions.Expect(ada.Locator("[data-testid=forwarding-url]")).ToHaveTextAsync(_receiver.Url);
            await Assertions.Expect(ada.Locator("tr:has-text('Alert emails') td").Last).ToHaveTextAsync(AlertAddress);
            await ada.ClickAsync("[data-testid=forwarding-rotate]");
            var secret = (await ada.Locator("[data-testid=forwarding-secret-value]").TextContentAsync())!.Trim();
            secret.ShouldNotBeNullOrEmpty();

            var conversation = await SandboxCustomer.WritesAsync(_app, _channel, CustomerWaId, "Where is my parcel?");

            // The Sandbox page's switch: the token expires, and the page gives the new one.
            var sandbox = await ada.Context.NewPageAsync();
            await sandbox.GotoAsync("/sandbox");
            await sandbox.WaitForInteractiveAsync();
            await sandbox.ClickAsync("[data-testid=switch-expire-token]");
            var newTokenText = sandbox.Locator("[data-testid=switch-new-token] .mono").First;
            await Assertions.Expect(newTokenText).ToHaveTextAsync(new Regex(@"^\S{20,}$"));
            var newToken = (await newTokenText.TextContentAsync())!.Trim();

            // The agent's reply calls Graph with the expired token: refused with 190, it waits in the queue.
            var inbox = await ada.Context.NewPageAsync();
            await inbox.GotoAsync($"/inbox/{conversation}");
            await inbox.WaitForInteractiveAsync();
            await Assertions.Expect(inbox.Locator("[data-testid=bubble] [data-testid=text]")).ToHaveTextAsync("Where is my parcel?");
            await inbox.Locator("[data-testid=composer-input]").PressSequentiallyAsync("Let me check that for you.");
            await Assertions.Expect(inbox.Locator("[data-testid=composer-input]")).ToHaveValueAsync("Let me check that for you.");
            await inbox.ClickAsync("[data-testid=send]");
            var ticks = inbox.Locator("[data-testid=bubble][data-type=text] [data-testid=ticks]").Last;
            await Assertions.Expect(inbox.Locator("[data-testid=channel-disconnected]")).ToContainTextAsync("Meta refused the access token");
            await Assertions.Expect(ticks).ToHaveAttributeAsync("data-status", "Pending");

            // The details page turned Disconnected by itself, with the reason and the fix in place.
            await Assertions.Expect(status).ToHaveTextAsync("Disconnected");
            await Assertions.Expect(ada.Locator("[data-testid=disconnected-banner]")).ToContainTextAsync("Disconnected");
            await Assertions.Expect(ada.Locator("[data-testid=disconnected-reason]")).ToContainTextAsync("Meta refused the access token");
            await Assertions.Expect(ada.Locator("[data-testid=disconnected-reason]")).ToContainTextAsync("Replace token");
            await Assertions.Expect(ada.Locator("[data-testid=details-sending]")).ToHaveTextAsync("waiting for the channel to reconnect: messages wait in the queue");
            await Assertions.Expect(ada.Locator("[data-testid=replace-token]")).ToBeEnabledAsync();

            // One e-mail, to the alert address and the Admin, with the reason and the fix.
            var disconnected = await _smtp.WaitForMailAsync("Channel Support disconnected: Meta refused the access token");
            disconnected.To.Mailboxes.Select(m => m.Address).ShouldBe([AlertAddress, AdminAddress], ignoreOrder: true);
            disconnected.TextBody!.ShouldContain("Meta refused the access token of the channel Support");
            disconnected.TextBody!.ShouldContain("Replace the token: Channels → Support → Replace token");

            // The reply still waits: nothing failed.
            await Assertions.Expect(ticks).ToHaveAttributeAsync("data-status", "Pending");

            // Replace token, in place.
            await ada.FillAsync("#replace-token", newToken);
            await ada.ClickAsync("[data-testid=replace-token]");
            await Assertions.Expect(ada.Locator("[data-testid=connection-result]")).ToHaveTextAsync("The new token is saved and the channel works.");
            await Assertions.Expect(status).ToHaveTextAsync("Connected");
            await Assertions.Expect(ada.Locator("[data-testid=connected-text]")).ToBeVisibleAsync();
            await Assertions.Expect(ada.Locator("[data-testid=disconnected-banner]")).ToHaveCountAsync(0);
            await Assertions.Expect(ada.Locator("[data-testid=details-sending]")).ToHaveTextAsync("on");

            var reconnected = await _smtp.WaitForMailAsync("Channel Support reconnected");
            reconnected.To.Mailboxes.Select(m => m.Address).ShouldBe([AlertAddress, AdminAddress], ignoreOrder: true);

            // The reply that waited goes out and reaches the customer.
            await Assertions.Expect(inbox.Locator("[data-testid=channel-disconnected]")).ToHaveCountAsync(0);
            await Assertions.Expect(ticks).ToHaveAttributeAsync("data-status", "Read", new() { Timeout = 30_000 });

            // Exactly one e-mail per change of state.
            _smtp.Subjects().Count(s => s.Contains("disconnected", StringComparison.Ordinal)).ShouldBe(1);
            _smtp.Subjects().Count(s => s.Contains("reconnected", StringComparison.Ordinal)).ShouldBe(1);

            // The integrator's receiver got the customer's message and the agent's reply, each signed with the secret.
            var received = await _receiver.WaitForAsync(r =>
                r.Any(e => e.Type == "message.received") && r.Any(e => e.Type == "message.sent"));
            var customerMessage = received.First(e => e.Type == "message.received");
            customerMessage.Json["value"]!["text"]!["body"]!.GetValue<string>().ShouldBe("Where is my parcel?");
            customerMessage.ConversationId.ShouldBe(conversation);
            received.First(e => e.Type == "message.sent").Json["data"]!["text"]!.GetValue<string>().ShouldBe("Let me check that for you.");
            foreach (var e in received)
            {
                e.Signature.ShouldNotBeNullOrEmpty();
                e.Signature!.ShouldStartWith("t=");
                ForwardingSignature.Verify(secret, e.Signature, e.Body, DateTimeOffset.UtcNow).ShouldBeTrue($"the {e.Type} event's signature");
                e.EventId.ShouldBe(e.Json["id"]!.GetValue<string>());
            }
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
