using Bunit;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Forwarding;
using Chatobuy.Inbox.Tests.Features.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Tests.Features.Forwarding;

/// <summary>Channel details → Forwarding: status, secret, test event, the delivery log with its filter and Replay.</summary>
public sealed class ForwardingSectionTests : ChannelComponentTestContext
{
    protected override void AddServices(IServiceCollection services)
    {
        services.AddSingleton(Options.Create(new ForwardingOptions()));
        services.AddSingleton(typeof(WakeSignal<>));
        services.AddSingleton<ForwardingQueue>();
        services.AddSingleton<ForwardingService>();
    }

    [Fact]
    public async Task NoUrl_SaysSo_AndOffersEdit()
    {
        var channel = await ViewAsync(await AddChannelAsync("Shop", "1001", isDefault: true));
        RenderProviders();

        var section = Render<ForwardingSection>(p => p.Add(s => s.Channel, channel));

        section.WaitForAssertion(() => section.Find("[data-testid=forwarding-not-set]").TextContent.ShouldContain("No forwarding URL"));
        section.Find("[data-testid=forwarding-edit]").TextContent.ShouldContain("Set a Webhook URL with Edit");
        section.FindAll("[data-testid=forwarding-test]").ShouldBeEmpty();
        section.FindAll("[data-testid=forwarding-state]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Log_ShowsEachDelivery_FiltersFailed_AndReplaysOne()
    {
        var channel = await ForwardingChannelAsync();
        var delivered = await AddRowAsync(channel.Id, ForwardingEventTypes.MessageReceived, ForwardingState.Delivered, 200, "ok");
        await AddRowAsync(channel.Id, ForwardingEventTypes.MessageStatus, ForwardingState.Failed, 410, "gone for good");
        var providers = RenderProviders();

        var section = Render<ForwardingSection>(p => p.Add(s => s.Channel, channel));

        section.WaitForAssertion(() => section.FindAll("[data-testid=delivery-row]").Count.ShouldBe(2));
        section.Find("[data-testid=forwarding-state]").TextContent.ShouldBe("Active");
        section.Find("[data-testid=forwarding-url]").TextContent.ShouldBe("https://hooks.example.com/chatobuy");
        var rows = section.FindAll("[data-testid=delivery-row]");
        rows[0].TextContent.ShouldContain("message.status");
        rows[0].QuerySelector("[data-testid=delivery-state]")!.TextContent.ShouldBe("failed");
        rows[0].QuerySelector("[data-testid=delivery-status]")!.TextContent.ShouldBe("410");
        rows[0].QuerySelector("[data-testid=delivery-response]")!.TextContent.ShouldBe("gone for good");
        rows[1].TextContent.ShouldContain("message.received");
        rows[1].TextContent.ShouldContain("35 ms");

        section.Find(FailedOnly).Change(true);
        section.WaitForAssertion(() => section.FindAll("[data-testid=delivery-row]").Count.ShouldBe(1));
        section.Find("[data-testid=delivery-row]").TextContent.ShouldContain("message.status");

        section.Find(FailedOnly).Change(false);
        section.WaitForAssertion(() => section.FindAll("[data-testid=delivery-row]").Count.ShouldBe(2));
        section.FindAll("[data-testid=delivery-replay]")[1].Click();

        section.WaitForAssertion(() => section.FindAll("[data-testid=delivery-row]").Count.ShouldBe(3));
        var replay = section.FindAll("[data-testid=delivery-row]")[0];
        replay.TextContent.ShouldContain("message.received (replay)");
        replay.QuerySelector("[data-testid=delivery-state]")!.TextContent.ShouldBe("waiting");
        providers.WaitForAssertion(() => providers.Markup.ShouldContain("queued again with the same event id"));
        await using var db = await DbAsync();
        (await db.Set<ForwardedEvent>().Where(e => e.ReplayOf == delivered.Id).Select(e => e.EventId).SingleAsync()).ShouldBe(delivered.EventId);
    }

    [Fact]
    public async Task CreateSecret_ShowsItOnce_WithCopy()
    {
        var channel = await ForwardingChannelAsync();
        RenderProviders();
        var section = Render<ForwardingSection>(p => p.Add(s => s.Channel, channel));
        section.WaitForAssertion(() => section.Find("[data-testid=forwarding-secret-none]"));

        section.Find("[data-testid=forwarding-rotate]").Click();

        section.WaitForAssertion(() => section.Find("[data-testid=forwarding-secret-value]").TextContent.ShouldStartWith("whsec_"));
        var secret = section.Find("[data-testid=forwarding-secret-value]").TextContent;
        section.Find("[data-testid=forwarding-secret]").TextContent.ShouldContain("shown only this once");
        section.Find("[data-testid=forwarding-secret-copy]").Click();
        JSInterop.VerifyInvoke("chatobuy.copyText").Arguments.ShouldBe([secret]);
        section.Find("[data-testid=forwarding-rotate]").TextContent.ShouldContain("Rotate secret");

        // Opened again later: the secret is kept encrypted and never shown again.
        var again = Render<ForwardingSection>(p => p.Add(s => s.Channel, channel));
        again.WaitForAssertion(() => again.Find("[data-testid=forwarding-secret-hidden]").TextContent.ShouldContain("hidden"));
        again.Markup.ShouldNotContain(secret);
    }

    [Fact]
    public async Task SendTestEvent_QueuesATestDelivery()
    {
        var channel = await ForwardingChannelAsync();
        var providers = RenderProviders();
        var section = Render<ForwardingSection>(p => p.Add(s => s.Channel, channel));
        section.WaitForAssertion(() => section.Find("[data-testid=forwarding-log-empty]").TextContent.ShouldBe("Nothing forwarded yet."));

        section.Find("[data-testid=forwarding-test]").Click();

        section.WaitForAssertion(() => section.Find("[data-testid=delivery-row]").TextContent.ShouldContain("test"));
        providers.WaitForAssertion(() => providers.Markup.ShouldContain("Test event queued"));
    }

    [Fact]
    public async Task Paused_ShowsWhy_AndResumeSetsItActiveAgain()
    {
        var channel = await ForwardingChannelAsync();
        await AddRowAsync(channel.Id, ForwardingEventTypes.MessageReceived, ForwardingState.Paused, 503, "busy");
        await using (var db = await DbAsync())
        {
            db.Set<ForwardingEndpoint>().Add(new ForwardingEndpoint
            {
                ChannelId = channel.Id,
                SecretProtected = Services.GetRequiredService<ChannelSecrets>().Protect("whsec_x"),
                SecretCreatedAt = DateTimeOffset.UtcNow,
                ConsecutiveFailures = 20,
                PausedAt = DateTimeOffset.UtcNow,
                PausedReason = "The receiver answered 503 (ServiceUnavailable): an error on its side; retried later.",
            });
            await db.SaveChangesAsync();
        }

        RenderProviders();
        var section = Render<ForwardingSection>(p => p.Add(s => s.Channel, channel));

        section.WaitForAssertion(() => section.Find("[data-testid=forwarding-state]").TextContent.ShouldBe("Paused"));
        var paused = section.Find("[data-testid=forwarding-paused]").TextContent;
        paused.ShouldContain("after 20 failed attempts in a row");
        paused.ShouldContain("503");
        paused.ShouldContain("1 event(s) wait");

        section.Find("[data-testid=forwarding-resume]").Click();

        section.WaitForAssertion(() => section.Find("[data-testid=forwarding-state]").TextContent.ShouldBe("Active"));
        section.FindAll("[data-testid=forwarding-paused]").ShouldBeEmpty();
        section.Find("[data-testid=delivery-state]").TextContent.ShouldBe("retrying");
    }

    /// <summary>The switch's checkbox, wherever MudBlazor puts the test id.</summary>
    private const string FailedOnly = "input[data-testid=forwarding-failed-only], [data-testid=forwarding-failed-only] input";

    private async Task<ChannelView> ForwardingChannelAsync()
    {
        var channel = await AddChannelAsync("Shop", "1001", isDefault: true);
        await using (var db = await DbAsync())
        {
            await db.Channels.Where(c => c.Id == channel.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ForwardingWebhookUrl, "https://hooks.example.com/chatobuy"));
        }

        return await ViewAsync(channel);
    }

    private async Task<ChannelView> ViewAsync(Channel channel)
    {
        await using var scope = Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ChannelService>().GetAsync(channel.Id))!;
    }

    private async Task<ForwardedEvent> AddRowAsync(string channelId, string type, ForwardingState state, int status, string response)
    {
        var now = DateTimeOffset.UtcNow;
        var eventId = Guid.NewGuid().ToString();
        var row = new ForwardedEvent
        {
            EventId = eventId,
            ChannelId = channelId,
            ConversationId = 12,
            Type = type,
            Lane = "c:12",
            EnvelopeJson = ForwardingEnvelope.Write(eventId, type, now, channelId, 12, 3, 40),
            State = state,
            Attempts = 1,
            OccurredAt = now,
            CreatedAt = now,
            NextAttemptAt = now,
            RetryUntil = now.AddDays(1),
            LastAttemptAt = now,
            LastStatusCode = status,
            LastLatencyMilliseconds = 35,
            LastResponse = response,
            DeliveredAt = state == ForwardingState.Delivered ? now : null,
        };
        await using var db = await DbAsync();
        db.Set<ForwardedEvent>().Add(row);
        await db.SaveChangesAsync();
        return row;
    }

    private Task<InboxDbContext> DbAsync() => Services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
}
