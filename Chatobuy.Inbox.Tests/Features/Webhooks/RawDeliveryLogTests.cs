using System.Net;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Webhooks;

/// <summary>The raw-delivery log keeps one copy of the same bytes, however often and however simultaneously they come, and is pruned after its retention period.</summary>
public sealed class RawDeliveryLogTests(InboxApp app) : IClassFixture<InboxApp>
{
    [Fact]
    public async Task Post_DuplicateDeliveriesOfTheSameWamidsAtTheSameMoment_StoresEachMessageAndEachBodyOnce()
    {
        // Replay a failure with the seed printed in its message (WEBHOOK_TEST_SEED=<seed>).
        var seed = int.TryParse(Environment.GetEnvironmentVariable("WEBHOOK_TEST_SEED"), out var fixedSeed) ? fixedSeed : Random.Shared.Next();
        var random = new Random(seed);
        var channel = await app.AddChannelAsync();
        using var client = app.CreateHttpClient();
        var messages = Enumerable.Range(0, 30).Select(i => MetaWebhook.Text($"1777000{i % 6:0000}", $"m{i}")).ToList();

        // 20 distinct bodies, each with 3 messages drawn from the 30 (so bodies overlap), each posted 3 times.
        var bodies = Enumerable.Range(0, 20)
            .Select(_ => MetaWebhook.Bytes(MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId,
                messages.OrderBy(_ => random.Next()).Take(3).Select(m => (JsonObject)m.DeepClone()))))
            .ToList();
        var posts = Enumerable.Repeat(bodies, 3).SelectMany(b => b).OrderBy(_ => random.Next()).ToList();
        var sentWamids = bodies.SelectMany(b => ((JsonObject)JsonNode.Parse(b)!)["entry"]![0]!["changes"]![0]!["value"]!["messages"]!.AsArray())
            .Select(m => m!["id"]!.GetValue<string>())
            .ToHashSet();

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sending = posts.Select(async body =>
        {
            await start.Task;
            return await MetaWebhook.PostAsync(client, $"/webhooks/whatsapp/{channel.Id}", body, WebhookSignature.Sign(body, MetaWebhook.AppSecret));
        }).ToList();
        start.SetResult();
        var responses = await Task.WhenAll(sending);

        responses.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.OK, $"seed {seed}");
        var stored = await app.MessagesAsync(channel.Id);
        stored.Select(m => m.WaMessageId!).OrderBy(w => w).ShouldBe(sentWamids.OrderBy(w => w), $"each wamid stored exactly once (seed {seed})");
        await using var db = await app.DbAsync();
        (await db.Conversations.Where(c => c.ChannelId == channel.Id).SumAsync(c => c.UnreadCount)).ShouldBe(sentWamids.Count, $"seed {seed}");
        (await db.WebhookDeliveries.CountAsync(d => d.ChannelId == channel.Id)).ShouldBe(bodies.Count, $"each body kept once (seed {seed})");
    }

    [Fact]
    public async Task Post_TheSameSignedBodyTenTimes_KeepsOneRawCopy()
    {
        var channel = await app.AddChannelAsync();
        using var client = app.CreateHttpClient();
        var envelope = MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId, [MetaWebhook.Text("16505557100", new string('x', 4096))]);

        for (var i = 0; i < 10; i++)
        {
            (await MetaWebhook.PostSignedAsync(client, $"/webhooks/whatsapp/{channel.Id}", envelope)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await app.MessagesAsync(channel.Id)).ShouldHaveSingleItem();
        await using var db = await app.DbAsync();
        (await db.WebhookDeliveries.CountAsync(d => d.ChannelId == channel.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task Post_TheSameTemplateEventBytesTwice_KeepsOneRawCopyAndAppliesTheEventBothTimes()
    {
        // Approved, edited, approved again: the second approval may come as exactly the same bytes as the first.
        var channel = await app.AddChannelAsync();
        using var client = app.CreateHttpClient();
        var approved = MetaWebhook.Wrap(channel.WabaId, "message_template_status_update",
            new JsonObject { ["event"] = "APPROVED", ["message_template_id"] = 594425479261597, ["message_template_name"] = "order_ready", ["message_template_language"] = "en_US", ["reason"] = "NONE" },
            time: 1751247548);

        (await MetaWebhook.PostSignedAsync(client, "/webhooks/whatsapp", approved)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await MetaWebhook.PostSignedAsync(client, "/webhooks/whatsapp", approved)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var db = await app.DbAsync();
        var events = await db.ChannelEvents.Where(e => e.WabaId == channel.WabaId).ToListAsync();
        events.Count.ShouldBe(2);
        events.Select(e => e.DeliveryId).Distinct().ShouldHaveSingleItem();
        (await db.WebhookDeliveries.CountAsync(d => d.ChannelId == channel.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task Prune_DeliveriesPastTheRetentionPeriod_AreRemovedWhileMessagesAndEventsStay()
    {
        var channel = await app.AddChannelAsync();
        using var client = app.CreateHttpClient();
        var retention = TimeSpan.FromDays(new WebhookOptions().RawDeliveryRetentionDays);
        var now = DateTimeOffset.UtcNow;
        var old = await DeliverAsync(client, channel, MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId, [MetaWebhook.Text("16505557200", "an old message")]));
        var recent = await DeliverAsync(client, channel, MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId, [MetaWebhook.Text("16505557200", "a message of last week")]));
        var oldEvent = await DeliverAsync(client, channel,
            MetaWebhook.Wrap(channel.WabaId, "account_update", new JsonObject { ["event"] = "VERIFIED_ACCOUNT" }, time: now.AddDays(-40).ToUnixTimeSeconds()));
        await AgeAsync(old, now - retention - TimeSpan.FromDays(1));
        await AgeAsync(oldEvent, now - retention - TimeSpan.FromDays(1));
        await AgeAsync(recent, now - retention + TimeSpan.FromDays(1));

        var pruned = await app.Services.GetRequiredService<RawDeliveryPruner>().PruneAsync(CancellationToken.None);

        pruned.ShouldBeGreaterThanOrEqualTo(2);
        await using var db = await app.DbAsync();
        (await db.WebhookDeliveries.AnyAsync(d => d.Id == old)).ShouldBeFalse();
        (await db.WebhookDeliveries.SingleAsync(d => d.Id == recent)).Body.ShouldNotBeEmpty();
        (await db.WebhookDeliveries.SingleAsync(d => d.Id == oldEvent)).Body.ShouldBeEmpty();
        (await db.ChannelEvents.SingleAsync(e => e.DeliveryId == oldEvent)).Field.ShouldBe("account_update");
        (await app.MessagesAsync(channel.Id)).Select(m => m.Text).ShouldBe(["an old message", "a message of last week"]);
    }

    private async Task<long> DeliverAsync(HttpClient client, Channel channel, JsonObject envelope)
    {
        (await MetaWebhook.PostSignedAsync(client, $"/webhooks/whatsapp/{channel.Id}", envelope)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = await app.DbAsync();
        return await db.WebhookDeliveries.Where(d => d.ChannelId == channel.Id).MaxAsync(d => d.Id);
    }

    private async Task AgeAsync(long deliveryId, DateTimeOffset receivedAt)
    {
        await using var db = await app.DbAsync();
        var delivery = await db.WebhookDeliveries.SingleAsync(d => d.Id == deliveryId);
        delivery.ReceivedAt = receivedAt;
        await db.SaveChangesAsync();
    }
}
