using System.Net;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Webhooks;

/// <summary>Signed webhook deliveries posted over real HTTP, and what the inbox stored of them.</summary>
public sealed class WebhookIngestionTests(InboxApp app) : IClassFixture<InboxApp>
{
    private const string Customer = "16505551234";

    [Fact]
    public async Task Post_SignedText_StoresContactConversationAndMessageAndAnswers200()
    {
        var channel = await app.AddChannelAsync();
        using var client = app.CreateHttpClient();
        var wamid = MetaWebhook.NewWamid();

        var response = await MetaWebhook.PostSignedAsync(client, $"/webhooks/whatsapp/{channel.Id}",
            MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId, [MetaWebhook.Text(Customer, "Hello, is my order ready?", wamid)]));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var message = (await app.MessagesAsync(channel.Id)).ShouldHaveSingleItem();
        message.WaMessageId.ShouldBe(wamid);
        message.Direction.ShouldBe(MessageDirection.Inbound);
        message.Type.ShouldBe("text");
        message.Text.ShouldBe("Hello, is my order ready?");
        await using var db = await app.DbAsync();
        var conversation = await db.Conversations.Include(c => c.Contact).SingleAsync(c => c.ChannelId == channel.Id);
        conversation.Contact!.WaId.ShouldBe(Customer);
        conversation.Contact.ProfileName.ShouldBe("Sheena Nelson");
        conversation.UnreadCount.ShouldBe(1);
        conversation.LastInboundAt.ShouldBe(message.Timestamp);
        conversation.LastMessagePreview.ShouldBe("Hello, is my order ready?");
        (await db.WebhookDeliveries.CountAsync(d => d.ChannelId == channel.Id)).ShouldBe(1);
        var reloaded = await app.ReloadAsync(channel);
        reloaded.FirstSignedEventAt.ShouldNotBeNull();
        reloaded.LastSignedEventAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Post_SeveralMessagesInTheSameSecond_PreviewShowsTheLastOne()
    {
        var channel = await app.AddChannelAsync();
        using var client = app.CreateHttpClient();
        var second = MetaWebhook.UnixNow();
        foreach (var text in new[] { "first", "second", "third" })
        {
            await MetaWebhook.PostSignedAsync(client, $"/webhooks/whatsapp/{channel.Id}",
                MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId, [MetaWebhook.Text(Customer, text, timestamp: second)]));
        }

        await using var db = await app.DbAsync();
        var conversation = await db.Conversations.SingleAsync(c => c.ChannelId == channel.Id);
        conversation.LastMessagePreview.ShouldBe("third");
        conversation.LastMessageAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(long.Parse(second, System.Globalization.CultureInfo.InvariantCulture)));
        conversation.UnreadCount.ShouldBe(3);
    }

    [Fact]
    public async Task Post_AppLevelUrl_RoutesByPhoneNumberId()
    {
        var channel = await app.AddChannelAsync();
        using var client = app.CreateHttpClient();

        var response = await MetaWebhook.PostSignedAsync(client, "/webhooks/whatsapp",
            MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId, [MetaWebhook.Text(Customer, "via the app-level URL")]));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.MessagesAsync(channel.Id)).ShouldHaveSingleItem().Text.ShouldBe("via the app-level URL");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sha256=abc")]
    public async Task Post_MissingOrWrongSignature_Answers401StoresNothingAndCountsTheRefusal(string? signature)
    {
        var channel = await app.AddChannelAsync();
        using var client = app.CreateHttpClient();
        var body = MetaWebhook.Bytes(MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId, [MetaWebhook.Text(Customer, "forged")]));

        var response = await MetaWebhook.PostAsync(client, $"/webhooks/whatsapp/{channel.Id}", body, signature);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.MessagesAsync(channel.Id)).ShouldBeEmpty();
        var view = await app.ViewAsync(channel);
        view.RefusedSignatureCount.ShouldBe(1);
        view.LastRefusedSignatureAt.ShouldNotBeNull();
        view.FirstSignedEventAt.ShouldBeNull();

        // Saved to the channel later, in the background, and then counted once, not twice.
        await app.Services.GetRequiredService<SignatureRefusalWriter>().SaveAsync(CancellationToken.None);
        (await app.ReloadAsync(channel)).RefusedSignatureCount.ShouldBe(1);
        (await app.ViewAsync(channel)).RefusedSignatureCount.ShouldBe(1);
    }

    [Fact]
    public async Task Post_SignedWithAnotherSecret_Answers401()
    {
        var channel = await app.AddChannelAsync();
        using var client = app.CreateHttpClient();

        var response = await MetaWebhook.PostSignedAsync(client, $"/webhooks/whatsapp/{channel.Id}",
            MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId, [MetaWebhook.Text(Customer, "x")]), "ffffffffffffffffffffffffffffffff");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.MessagesAsync(channel.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_NonAsciiText_VerifiesAndIsStoredDecoded()
    {
        var channel = await app.AddChannelAsync();
        using var client = app.CreateHttpClient();
        var envelope = MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId, [MetaWebhook.Text(Customer, "Olá 😀 — 你好")], profileName: "José Ñúñez");
        MetaWebhook.Bytes(envelope).ShouldAllBe(b => b < 0x80);

        var response = await MetaWebhook.PostSignedAsync(client, $"/webhooks/whatsapp/{channel.Id}", envelope);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.MessagesAsync(channel.Id)).ShouldHaveSingleItem().Text.ShouldBe("Olá 😀 — 你好");
        await using var db = await app.DbAsync();
        (await db.Contacts.SingleAsync(c => c.WaId == Customer)).ProfileName.ShouldNotBeNull();
    }

    [Fact]
    public async Task Post_UnknownPhoneNumber_Answers200AndStoresNothing()
    {
        await app.AddChannelAsync();
        using var client = app.CreateHttpClient();
        var response = await MetaWebhook.PostSignedAsync(client, "/webhooks/whatsapp",
            MetaWebhook.Envelope("111", "999000999000", [MetaWebhook.Text(Customer, "nobody home")]));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = await app.DbAsync();
        (await db.Messages.AnyAsync(m => m.Text == "nobody home")).ShouldBeFalse();
    }

    [Fact]
    public async Task Post_NotJson_Answers400()
    {
        var channel = await app.AddChannelAsync();
        using var client = app.CreateHttpClient();
        var body = "not json"u8.ToArray();
        var response = await MetaWebhook.PostAsync(client, $"/webhooks/whatsapp/{channel.Id}", body, WebhookSignature.Sign(body, MetaWebhook.AppSecret));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_SameDeliveryTwice_StoresTheMessageOnce()
    {
        var channel = await app.AddChannelAsync();
        using var client = app.CreateHttpClient();
        var envelope = MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId, [MetaWebhook.Text(Customer, "once")]);

        (await MetaWebhook.PostSignedAsync(client, $"/webhooks/whatsapp/{channel.Id}", envelope)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await MetaWebhook.PostSignedAsync(client, $"/webhooks/whatsapp/{channel.Id}", envelope)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await app.MessagesAsync(channel.Id)).Count.ShouldBe(1);
        await using var db = await app.DbAsync();
        (await db.Conversations.SingleAsync(c => c.ChannelId == channel.Id)).UnreadCount.ShouldBe(1);
    }

    [Fact]
    public async Task Post_BatchOfAThousandMessages_StoresEveryOne()
    {
        var channel = await app.AddChannelAsync();
        using var client = app.CreateHttpClient();
        var messages = Enumerable.Range(0, 1000).Select(i => MetaWebhook.Text($"1555000{i % 37:0000}", $"message {i}")).ToList();

        var response = await MetaWebhook.PostSignedAsync(client, $"/webhooks/whatsapp/{channel.Id}", MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId, messages));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stored = await app.MessagesAsync(channel.Id);
        stored.Count.ShouldBe(1000);
        stored.Select(m => m.Text).ToHashSet().Count.ShouldBe(1000);
        await using var db = await app.DbAsync();
        (await db.Conversations.CountAsync(c => c.ChannelId == channel.Id)).ShouldBe(37);
        (await db.Conversations.Where(c => c.ChannelId == channel.Id).SumAsync(c => c.UnreadCount)).ShouldBe(1000);
    }

    [Fact]
    public async Task Post_FiveHundredEventsThreeTimesInRandomOrder_ExactlyFiveHundredMessagesAndNoStatusRegression()
    {
        var channel = await app.AddChannelAsync();
        using var client = app.CreateHttpClient();
        var messages = Enumerable.Range(0, 250).Select(i => MetaWebhook.Text($"1444000{i % 20:0000}", $"m{i}")).ToList();

        // Statuses for 250 outbound messages the business sent (stored as outbound rows first).
        var outbound = await SeedOutboundAsync(channel, 250);
        var statuses = outbound.SelectMany((wamid, i) => new[]
        {
            MetaWebhook.Status(wamid, "sent", "1444000", MetaWebhook.UnixNow(-30)),
            MetaWebhook.Status(wamid, i % 2 == 0 ? "read" : "delivered", "1444000", MetaWebhook.UnixNow(-10)),
        }).ToList();
        var deliveries = messages.Select(m => MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId, [m]))
            .Concat(statuses.Select(s => MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId, statuses: [s])))
            .ToList();
        var shuffled = Enumerable.Repeat(deliveries, 3).SelectMany(d => d).OrderBy(_ => Random.Shared.Next()).ToList();

        await Parallel.ForEachAsync(shuffled, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (envelope, _) =>
        {
            var response = await MetaWebhook.PostSignedAsync(client, $"/webhooks/whatsapp/{channel.Id}", envelope);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        });

        var stored = await app.MessagesAsync(channel.Id);
        stored.Count(m => m.Direction == MessageDirection.Inbound).ShouldBe(250);
        var sent = stored.Where(m => m.Direction == MessageDirection.Outbound).ToDictionary(m => m.WaMessageId!);
        for (var i = 0; i < outbound.Count; i++)
        {
            sent[outbound[i]].Status.ShouldBe(i % 2 == 0 ? MessageStatus.Read : MessageStatus.Delivered);
        }

        await using var db = await app.DbAsync();
        (await db.MessageStatusUpdates.CountAsync(u => outbound.Contains(u.WaMessageId))).ShouldBe(500);
    }

    [Fact]
    public async Task Statuses_LateDeliveredAfterRead_KeepsReadAndFailedKeepsItsError()
    {
        var channel = await app.AddChannelAsync();
        using var client = app.CreateHttpClient();
        var outbound = await SeedOutboundAsync(channel, 2);
        var path = $"/webhooks/whatsapp/{channel.Id}";

        await MetaWebhook.PostSignedAsync(client, path, MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId, statuses: [MetaWebhook.Status(outbound[0], "read", Customer)]));
        await MetaWebhook.PostSignedAsync(client, path, MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId, statuses: [MetaWebhook.Status(outbound[0], "delivered", Customer)]));
        var failure = new JsonArray(new JsonObject
        {
            ["code"] = 131047,
            ["title"] = "Re-engagement message",
            ["message"] = "Re-engagement message",
            ["error_data"] = new JsonObject { ["details"] = "Message failed to send because more than 24 hours have passed since the customer last replied to this number." },
        });
        await MetaWebhook.PostSignedAsync(client, path, MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId, statuses: [MetaWebhook.Status(outbound[1], "failed", Customer, errors: failure)]));
        await MetaWebhook.PostSignedAsync(client, path, MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId, statuses: [MetaWebhook.Status(outbound[1], "sent", Customer)]));

        var stored = (await app.MessagesAsync(channel.Id)).ToDictionary(m => m.WaMessageId!);
        stored[outbound[0]].Status.ShouldBe(MessageStatus.Read);
        stored[outbound[0]].PricingJson.ShouldNotBeNull();
        var failed = stored[outbound[1]];
        failed.Status.ShouldBe(MessageStatus.Failed);
        failed.ErrorCode.ShouldBe(131047);
        failed.ErrorTitle.ShouldBe("Re-engagement message");
        failed.ErrorDetails!.ShouldStartWith("Message failed to send because more than 24 hours");
    }

    [Fact]
    public async Task Statuses_ForAMessageNotStoredYet_AreKeptForLater()
    {
        var channel = await app.AddChannelAsync();
        using var client = app.CreateHttpClient();
        var wamid = MetaWebhook.NewWamid();
        var status = MetaWebhook.Status(wamid, "delivered", Customer);
        status["biz_opaque_callback_data"] = "outbox-42";

        var response = await MetaWebhook.PostSignedAsync(client, $"/webhooks/whatsapp/{channel.Id}", MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId, statuses: [status]));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = await app.DbAsync();
        var kept = await db.MessageStatusUpdates.SingleAsync(u => u.WaMessageId == wamid);
        kept.Status.ShouldBe(MessageStatus.Delivered);
        kept.BizOpaqueCallbackData.ShouldBe("outbox-42");
    }

    [Fact]
    public async Task Reactions_AddedThenRemoved_AndAnOlderEventNeverWins()
    {
        var channel = await app.AddChannelAsync();
        using var client = app.CreateHttpClient();
        var path = $"/webhooks/whatsapp/{channel.Id}";
        var target = MetaWebhook.NewWamid();
        await MetaWebhook.PostSignedAsync(client, path, MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId, [MetaWebhook.Text(Customer, "target", target)]));

        JsonObject React(string? emoji, int offset)
        {
            var body = new JsonObject { ["message_id"] = target };
            if (emoji is not null)
            {
                body["emoji"] = emoji;
            }

            return MetaWebhook.Message(Customer, "reaction", body, timestamp: MetaWebhook.UnixNow(offset));
        }

        await MetaWebhook.PostSignedAsync(client, path, MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId, [React("👍", 10)]));
        await MetaWebhook.PostSignedAsync(client, path, MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId, [React("❤️", 5)]));
        await using (var db = await app.DbAsync())
        {
            (await db.Reactions.SingleAsync(r => r.TargetWaMessageId == target)).Emoji.ShouldBe("👍");
        }

        await MetaWebhook.PostSignedAsync(client, path, MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId, [React(null, 20)]));
        await using (var db = await app.DbAsync())
        {
            (await db.Reactions.AnyAsync(r => r.TargetWaMessageId == target)).ShouldBeFalse();
            (await db.Conversations.SingleAsync(c => c.ChannelId == channel.Id)).UnreadCount.ShouldBe(1);
        }
    }

    [Fact]
    public async Task OtherFields_TemplateAndAccountUpdates_AreKeptAsChannelEvents()
    {
        var channel = await app.AddChannelAsync();
        using var client = app.CreateHttpClient();
        var value = new JsonObject
        {
            ["event"] = "APPROVED",
            ["message_template_id"] = 594425479261596,
            ["message_template_name"] = "order_update",
            ["message_template_language"] = "en_US",
            ["reason"] = "NONE",
        };
        var envelope = MetaWebhook.Wrap(channel.WabaId, "message_template_status_update", value, time: 1751247548);
        var account = MetaWebhook.Wrap(channel.WabaId, "account_update", new JsonObject { ["event"] = "ACCOUNT_VIOLATION" }, time: 1751247549);
        ((JsonArray)envelope["entry"]!).Add(account["entry"]![0]!.DeepClone());

        var response = await MetaWebhook.PostSignedAsync(client, "/webhooks/whatsapp", envelope);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = await app.DbAsync();
        var events = await db.ChannelEvents.Where(e => e.WabaId == channel.WabaId).OrderBy(e => e.Id).ToListAsync();
        events.Select(e => e.Field).ShouldBe(["message_template_status_update", "account_update"]);
        events[0].ChannelId.ShouldBe(channel.Id);
        events[0].ValueJson.ShouldContain("594425479261596");
        events[0].EventTime.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1751247548));
    }

    [Fact]
    public async Task AppLevelHandshake_RightToken_EchoesTheChallenge()
    {
        using var client = app.CreateHttpClient();
        var token = app.Services.GetService(typeof(AppWebhookSettings)) is AppWebhookSettings settings ? settings.VerifyToken : "";

        var ok = await client.GetAsync($"/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=778899&hub.verify_token={token}");
        var refused = await client.GetAsync("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=778899&hub.verify_token=nope");

        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ok.Content.ReadAsStringAsync()).ShouldBe("778899");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task<List<string>> SeedOutboundAsync(Chatobuy.Inbox.Features.Channels.Channel channel, int count)
    {
        await using var db = await app.DbAsync();
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.WaId == "1444000") ?? new Contact { WaId = "1444000", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
        var conversation = new Conversation { ChannelId = channel.Id, Contact = contact, CreatedAt = DateTimeOffset.UtcNow, LastMessageAt = DateTimeOffset.UtcNow };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync();
        var wamids = Enumerable.Range(0, count).Select(_ => MetaWebhook.NewWamid()).ToList();
        db.Messages.AddRange(wamids.Select(w => new Message
        {
            ChannelId = channel.Id,
            ConversationId = conversation.Id,
            WaMessageId = w,
            Direction = MessageDirection.Outbound,
            Type = "text",
            Text = "from the business",
            Status = MessageStatus.Pending,
            Timestamp = DateTimeOffset.UtcNow,
            CreatedAt = DateTimeOffset.UtcNow,
        }));
        await db.SaveChangesAsync();
        return wamids;
    }
}
