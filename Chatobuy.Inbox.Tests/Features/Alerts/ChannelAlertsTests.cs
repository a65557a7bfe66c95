using System.Text;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Alerts;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Outbound;
using Chatobuy.Inbox.Features.Usage;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Sandbox.State;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;

namespace Chatobuy.Inbox.Tests.Features.Alerts;

/// <summary>
/// Each disconnection cause, produced with the Sandbox's switches, against the whole app on Kestrel: the channel's
/// state and reason, the banner, sending that waits and resumes, and exactly one e-mail per change of state, read from
/// a real SMTP server on loopback (netDumbster).
/// </summary>
public sealed class ChannelAlertsTests : IAsyncLifetime
{
    private const string AlertAddress = "ops@example.com";
    private const string AdminAddress = "boss@example.com";

    private readonly SimpleSmtpServer _smtp = SimpleSmtpServer.Start();
    private readonly InboxApp _app = new();
    private Channel _channel = default!;

    public async Task InitializeAsync()
    {
        _app.Settings["Mail:Host"] = "localhost";
        _app.Settings["Mail:Port"] = _smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _app.Settings["Mail:TlsMode"] = "None";
        _app.Settings["Mail:From"] = "Inbox alerts <alerts@example.com>";
        _app.Settings["Alerts:SilenceMinutes"] = "30";
        _app.Settings["Sandbox:StatusDelaysMilliseconds"] = "20,40,60";
        await _app.InitializeAsync();
        _channel = await SandboxChannel.ConnectAsync(_app, "Alerts line");
        await using (var scope = _app.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            (await users.CreateAsync(AdminAddress, "Boss", Roles.Admin, "Admin-password-1")).Succeeded.ShouldBeTrue();
        }

        await using var db = await _app.DbAsync();
        await db.Channels.Where(c => c.Id == _channel.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AlertEmails, new List<string> { AlertAddress }));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _smtp.Stop();
        _smtp.Dispose();
    }

    [Fact]
    public async Task ExpiredToken_QueuedMessageWaits_ReplaceTokenReconnectsAndSends()
    {
        await StartConnectedAsync();
        var conversation = await SandboxCustomer.WritesAsync(_app, _channel, "5511911110001", "Hello?");
        using var client = _app.CreateHttpClient();
        var expired = await client.PostAsync("/sandbox/switches/token/expire", null);
        expired.EnsureSuccessStatusCode();
        var newToken = System.Text.Json.JsonDocument.Parse(await expired.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;

        var sent = await Send(conversation, "token-1", "Your order is on its way");

        var channel = await WaitForChannelAsync(c => c.Status == ChannelStatus.Disconnected);
        channel.DisconnectCause.ShouldBe(DisconnectCause.Token);
        channel.StatusReason!.ShouldContain("Replace token");
        var mail = (await _smtp.WaitForMailsAsync(1)).Single();
        mail.Subject.ShouldBe("Channel Alerts line disconnected: Meta refused the access token");
        mail.To.Mailboxes.Select(m => m.Address).ShouldBe([AlertAddress, AdminAddress], ignoreOrder: true);
        mail.TextBody!.ShouldContain("Replace the token: Channels → Alerts line → Replace token");
        mail.TextBody!.ShouldContain("whatsapp_business_messaging and whatsapp_business_management");
        (await Notices()).ShouldContain(n => n.Kind == ChannelNoticeKind.Disconnected && n.DismissedAt == null);

        // Nothing is lost or failed: the message waits in the outbox.
        var waiting = await MessageAsync(sent);
        waiting.Status.ShouldBe(MessageStatus.Pending);
        await using (var db = await _app.DbAsync())
        {
            (await db.OutboxItems.SingleAsync(o => o.MessageId == sent)).State.ShouldBe(OutboxState.Queued);
        }

        await using (var scope = _app.CreateScope())
        {
            var repair = scope.ServiceProvider.GetRequiredService<ChannelRepair>();
            (await repair.ReplaceTokenAsync(_channel.Id, new ReplaceTokenModel { AccessToken = "EAAnot-a-real-token-at-all-1234" })).Error.ShouldNotBeNull().ShouldContain("does not accept this token");
            (await repair.ReplaceTokenAsync(_channel.Id, new ReplaceTokenModel { AccessToken = newToken })).ShouldBe(ChannelCommandResult.Ok);
        }

        (await LoadChannelAsync()).Status.ShouldBe(ChannelStatus.Connected);
        (await SandboxCustomer.WaitForMessageAsync(_app, sent, m => m.WaMessageId is not null)).WaMessageId.ShouldNotBeNull();
        var mails = await _smtp.WaitForMailsAsync(2);
        mails.Select(m => m.Subject).ShouldContain("Channel Alerts line reconnected");
        mails.Count(m => m.Subject!.Contains("disconnected", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Ban_AccountUpdateDisconnects_ReinstateReconnects()
    {
        await StartConnectedAsync();
        using var client = _app.CreateHttpClient();

        (await client.PostAsync($"/sandbox/switches/numbers/{_channel.PhoneNumberId}/ban", null)).EnsureSuccessStatusCode();

        var channel = await WaitForChannelAsync(c => c.Status == ChannelStatus.Disconnected);
        channel.DisconnectCause.ShouldBe(DisconnectCause.Account);
        channel.StatusReason!.ShouldContain("Account quality");
        var mail = (await _smtp.WaitForMailsAsync(1)).Single();
        mail.Subject.ShouldBe("Channel Alerts line disconnected: Meta disabled the WhatsApp Business Account");
        mail.TextBody!.ShouldContain("request a review");

        // The check agrees while the number is BANNED: still one e-mail.
        (await CheckAsync()).ShouldBe(ChannelCheckOutcome.Failed);
        (await client.PostAsync($"/sandbox/switches/numbers/{_channel.PhoneNumberId}/reinstate", null)).EnsureSuccessStatusCode();

        await WaitForChannelAsync(c => c.Status == ChannelStatus.Connected);
        var mails = await _smtp.WaitForMailsAsync(2);
        mails.Select(m => m.Subject).ShouldBe(["Channel Alerts line disconnected: Meta disabled the WhatsApp Business Account", "Channel Alerts line reconnected"], ignoreOrder: true);
    }

    [Fact]
    public async Task Restriction_WithWebhooksStopped_TheScheduledCheckSeesTheNumberStatus()
    {
        await StartConnectedAsync();
        using var client = _app.CreateHttpClient();
        (await client.PostAsync("/sandbox/switches/webhooks/stop", null)).EnsureSuccessStatusCode();
        (await client.PostAsync($"/sandbox/switches/numbers/{_channel.PhoneNumberId}/restrict", null)).EnsureSuccessStatusCode();
        (await LoadChannelAsync()).Status.ShouldBe(ChannelStatus.Connected);

        (await CheckAsync()).ShouldBe(ChannelCheckOutcome.Failed);

        var channel = await LoadChannelAsync();
        channel.Status.ShouldBe(ChannelStatus.Disconnected);
        channel.DisconnectCause.ShouldBe(DisconnectCause.Number);
        channel.StatusReason!.ShouldContain("the number is RESTRICTED");
        (await _smtp.WaitForMailsAsync(1)).Single().Subject.ShouldBe("Channel Alerts line disconnected: the number is RESTRICTED");

        (await client.PostAsync($"/sandbox/switches/numbers/{_channel.PhoneNumberId}/reinstate", null)).EnsureSuccessStatusCode();
        (await CheckAsync()).ShouldBe(ChannelCheckOutcome.Passed);
        (await LoadChannelAsync()).Status.ShouldBe(ChannelStatus.Connected);
        (await _smtp.WaitForMailsAsync(2)).Select(m => m.Subject).ShouldContain("Channel Alerts line reconnected");
    }

    [Fact]
    public async Task SubscriptionRemoved_CheckDisconnects_ResubscribeReconnects()
    {
        await StartConnectedAsync();
        using var client = _app.CreateHttpClient();
        (await client.PostAsync($"/sandbox/switches/accounts/{_channel.WabaId}/unsubscribe", null)).EnsureSuccessStatusCode();

        (await CheckAsync()).ShouldBe(ChannelCheckOutcome.Failed);

        var channel = await LoadChannelAsync();
        channel.DisconnectCause.ShouldBe(DisconnectCause.Subscription);
        var mail = (await _smtp.WaitForMailsAsync(1)).Single();
        mail.Subject.ShouldBe("Channel Alerts line disconnected: the app's webhook subscription is gone");
        mail.TextBody!.ShouldContain("Re-subscribe: Channels → Alerts line → Re-subscribe");

        await using (var scope = _app.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<ChannelRepair>().ResubscribeAsync(_channel.Id)).ShouldBe(ChannelCommandResult.Ok);
        }

        (await LoadChannelAsync()).Status.ShouldBe(ChannelStatus.Connected);
        (await _smtp.WaitForMailsAsync(2)).Select(m => m.Subject).ShouldContain("Channel Alerts line reconnected");
    }

    [Fact]
    public async Task WebhooksStopped_WhileWritingToCustomers_DisconnectsUntilASignedWebhookArrives()
    {
        await StartConnectedAsync();
        var conversation = await SandboxCustomer.WritesAsync(_app, _channel, "5511911110005", "Are you there?");
        using var client = _app.CreateHttpClient();
        (await client.PostAsync("/sandbox/switches/webhooks/stop", null)).EnsureSuccessStatusCode();
        var sent = await Send(conversation, "silence-1", "We are!");
        await SandboxCustomer.WaitForMessageAsync(_app, sent, m => m.WaMessageId is not null);

        // Not yet: the message left just now.
        (await CheckAsync()).ShouldBe(ChannelCheckOutcome.Passed);

        // As if 31 minutes had passed with no webhook (its statuses never came).
        var earlier = TimeSpan.FromMinutes(31);
        await using (var db = await _app.DbAsync())
        {
            var item = await db.OutboxItems.SingleAsync(o => o.MessageId == sent);
            item.SentAt = item.SentAt!.Value - earlier;
            var row = await db.Channels.SingleAsync(c => c.Id == _channel.Id);
            row.LastSignedEventAt = row.LastSignedEventAt!.Value - earlier;
            await db.SaveChangesAsync();
        }

        (await CheckAsync()).ShouldBe(ChannelCheckOutcome.Failed);
        var channel = await LoadChannelAsync();
        channel.DisconnectCause.ShouldBe(DisconnectCause.Silence);
        var mail = (await _smtp.WaitForMailsAsync(1)).Single();
        mail.Subject.ShouldBe("Channel Alerts line disconnected: no webhook from Meta for 30 minutes");
        mail.TextBody!.ShouldContain("webhook checklist");

        (await client.PostAsync("/sandbox/switches/webhooks/resume", null)).EnsureSuccessStatusCode();
        await SandboxCustomer.WritesAsync(_app, _channel, "5511911110006", "Hello again");

        await WaitForChannelAsync(c => c.Status == ChannelStatus.Connected);
        (await _smtp.WaitForMailsAsync(2)).Select(m => m.Subject).ShouldContain("Channel Alerts line reconnected");
    }

    [Fact]
    public async Task QualityDropAndTierChange_NoticesAndEmails_TheChannelStaysConnected()
    {
        await StartConnectedAsync();
        (await CheckAsync()).ShouldBe(ChannelCheckOutcome.Passed);
        using var client = _app.CreateHttpClient();

        (await client.PostAsync($"/sandbox/switches/numbers/{_channel.PhoneNumberId}/quality/YELLOW", null)).EnsureSuccessStatusCode();
        var quality = (await _smtp.WaitForMailsAsync(1)).Single();
        quality.Subject.ShouldBe("Quality rating of Alerts line dropped from GREEN to YELLOW");
        quality.TextBody!.ShouldContain("What to do:");

        (await client.PostAsync($"/sandbox/switches/numbers/{_channel.PhoneNumberId}/tier/TIER_250", null)).EnsureSuccessStatusCode();
        var tier = (await _smtp.WaitForMailsAsync(2)).Single(m => m.Subject != quality.Subject);
        tier.Subject.ShouldBe("Messaging limit of Alerts line changed from 1,000 customers a day to 250 customers a day");

        var channel = await LoadChannelAsync();
        channel.Status.ShouldBe(ChannelStatus.Connected);
        channel.QualityRating.ShouldBe("YELLOW");
        channel.MessagingLimitTier.ShouldBe("TIER_250");
        var notices = await Notices();
        notices.ShouldContain(n => n.Kind == ChannelNoticeKind.QualityDown && n.DismissedAt == null);
        notices.ShouldContain(n => n.Kind == ChannelNoticeKind.MessagingLimitChanged);
    }

    [Fact]
    public async Task AllowanceReachedAndForwardingPaused_NoticeAndOneEmailEach()
    {
        await StartConnectedAsync();
        var events = _app.Services.GetRequiredService<InboxEvents>();

        events.Publish(new UsageThresholdCrossed(_channel.Id, "2026-12", 100, 1000, 1000));
        var usage = (await _smtp.WaitForMailsAsync(1)).Single();
        usage.Subject.ShouldBe("Alerts line has used its free messages for December 2026");
        usage.To.Mailboxes.Select(m => m.Address).ShouldBe([AlertAddress, AdminAddress], ignoreOrder: true);
        usage.TextBody!.ShouldContain("What to do: Check that the WhatsApp Business Account has a valid payment method");

        events.Publish(new ForwardingPaused(_channel.Id, "https://crm.example.com/hook", 10, "HTTP 503", DateTimeOffset.UtcNow));
        var paused = (await _smtp.WaitForMailsAsync(2)).Single(m => m.Subject != usage.Subject);
        paused.Subject.ShouldBe("Forwarding of Alerts line paused: https://crm.example.com/hook is failing");
        paused.TextBody!.ShouldContain("press Resume");

        var notices = await Notices();
        notices.Select(n => n.Kind).ShouldBe([ChannelNoticeKind.UsageAllowance, ChannelNoticeKind.ForwardingPaused]);
        notices.ShouldAllBe(n => n.IsWarning && n.DismissedAt == null);
        (await LoadChannelAsync()).Status.ShouldBe(ChannelStatus.Connected);
    }

    /// <summary>The Sandbox undone, the channel connected on the configured token and subscribed, no notices, no mail.</summary>
    private async Task StartConnectedAsync()
    {
        using var client = _app.CreateHttpClient();
        (await client.PostAsync("/sandbox/switches/reset", null)).EnsureSuccessStatusCode();
        var token = _app.Services.GetRequiredService<IConfiguration>()["Sandbox:AccessToken"]!;
        var secrets = _app.Services.GetRequiredService<ChannelSecrets>();
        _app.Services.GetRequiredService<SandboxState>().Subscribe(_channel.WabaId, null);
        await using (var db = await _app.DbAsync())
        {
            await db.Channels.Where(c => c.Id == _channel.Id).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.AccessTokenProtected, secrets.Protect(token))
                .SetProperty(c => c.Status, ChannelStatus.Connected)
                .SetProperty(c => c.StatusReason, (string?)null)
                .SetProperty(c => c.DisconnectCause, (DisconnectCause?)null)
                .SetProperty(c => c.QualityRating, "GREEN")
                .SetProperty(c => c.MessagingLimitTier, "TIER_1K")
                .SetProperty(c => c.ThroughputLevel, "STANDARD"));
            await db.ChannelNotices.ExecuteDeleteAsync();
        }

        _smtp.ClearReceivedEmail();
    }

    private async Task<ChannelCheckOutcome> CheckAsync() =>
        await _app.Services.GetRequiredService<ChannelHealth>().CheckAsync(_channel.Id, CancellationToken.None);

    private async Task<long> Send(long conversation, string clientId, string text)
    {
        var sent = await _app.Services.GetRequiredService<OutboundService>().SendAsync(new SendRequest(conversation, clientId, text), CancellationToken.None);
        sent.Error.ShouldBeNull();
        return sent.MessageId!.Value;
    }

    private async Task<Message> MessageAsync(long id)
    {
        await using var db = await _app.DbAsync();
        return await db.Messages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private async Task<Channel> LoadChannelAsync()
    {
        await using var db = await _app.DbAsync();
        return await db.Channels.AsNoTracking().SingleAsync(c => c.Id == _channel.Id);
    }

    private async Task<Channel> WaitForChannelAsync(Func<Channel, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var channel = await LoadChannelAsync();
            if (done(channel) || DateTime.UtcNow > deadline)
            {
                done(channel).ShouldBeTrue($"the channel stayed {channel.Status} ({channel.StatusReason})");
                return channel;
            }

            await Task.Delay(100);
        }
    }

    private async Task<IReadOnlyList<ChannelNotice>> Notices()
    {
        await using var db = await _app.DbAsync();
        return await db.ChannelNotices.AsNoTracking().Where(n => n.ChannelId == _channel.Id).OrderBy(n => n.Id).ToListAsync();
    }
}
