using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Features.Forwarding;
using Chatobuy.Inbox.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Tests.Features.Forwarding;

/// <summary>
/// The queue reads committed webhook deliveries back from the raw log behind its cursor: what was committed while it
/// was not running is queued on its next pass, once, with Meta's value byte for byte.
/// </summary>
public sealed class ForwardingQueueTests
{
    private const string TemplateValue = "{ \"event\": \"APPROVED\",  \"message_template_id\": 594425479261596, \"message_template_name\": \"order_ready\", \"message_template_language\": \"en_US\", \"reason\": \"NONE\" }";
    private const string StatusValue = "{\"id\": \"wamid.HBgLNTUxMTk4NzY1NDMyMRUCABEYEjQ2\", \"status\": \"delivered\", \"timestamp\": \"1764756902\", \"recipient_id\": \"5511987654321\"}";

    [Fact]
    public async Task CommittedWhileNotRunning_IsQueuedOnTheNextPass_OnceWithMetasValueUntouched()
    {
        await using var harness = await ForwardingHarness.StartAsync();
        await harness.Queue.RunOnceAsync(CancellationToken.None);

        await AddDeliveryAsync(harness, Body(harness, entryTime: 1764756902));
        await harness.Queue.RunOnceAsync(CancellationToken.None);
        // The same status delivered again in other bytes (in another envelope) adds nothing.
        await AddDeliveryAsync(harness, Body(harness, entryTime: 1764756999, withTemplate: false));
        await harness.Queue.RunOnceAsync(CancellationToken.None);

        var rows = await harness.RowsAsync();
        rows.Select(r => r.Type).ShouldBe([ForwardingEventTypes.MessageStatus, ForwardingEventTypes.TemplateUpdated]);
        rows.ShouldAllBe(r => r.State == ForwardingState.Pending && r.ChannelId == harness.Channel.Id);
        rows[0].EnvelopeJson.ShouldContain("\"value\":" + StatusValue);
        rows[1].EnvelopeJson.ShouldContain("\"value\":" + TemplateValue);
        var template = JsonNode.Parse(rows[1].EnvelopeJson)!;
        template["field"]!.GetValue<string>().ShouldBe("message_template_status_update");
        template["id"]!.GetValue<string>().ShouldBe(rows[1].EventId);
        template["conversationId"].ShouldBeNull();

        // Neither has a conversation: they share the channel's lane, one after the other.
        (await harness.RunOnceAsync()).ShouldBe(1);
        (await harness.RunOnceAsync()).ShouldBe(1);
        harness.Receiver.Accepted.Select(r => r.Type).ShouldBe([ForwardingEventTypes.MessageStatus, ForwardingEventTypes.TemplateUpdated]);
    }

    [Fact]
    public async Task PrivateNote_IsNeverForwardedAsMessageSent_TheReplyBesideItIs()
    {
        await using var harness = await ForwardingHarness.StartAsync();
        await harness.Queue.RunOnceAsync(CancellationToken.None);
        long replyId;
        await using (var db = await harness.DbAsync())
        {
            var now = harness.Clock.GetUtcNow();
            var contact = new Chatobuy.Inbox.Features.Conversations.Contact { WaId = "5511900000001", CreatedAt = now, UpdatedAt = now };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            var conversation = new Chatobuy.Inbox.Features.Conversations.Conversation { ChannelId = harness.Channel.Id, ContactId = contact.Id, LastMessageAt = now, CreatedAt = now };
            db.Conversations.Add(conversation);
            await db.SaveChangesAsync();
            var reply = Outbound(conversation.Id, "text", "On its way", now);
            var note = Outbound(conversation.Id, Chatobuy.Inbox.Features.Conversations.Message.NoteType, "Refund approved, @Bob", now);
            note.IsPrivate = true;
            db.Messages.AddRange(note, reply);
            await db.SaveChangesAsync();
            replyId = reply.Id;
        }

        await harness.Queue.RunOnceAsync(CancellationToken.None);

        var rows = await harness.RowsAsync();
        rows.ShouldHaveSingleItem().Type.ShouldBe(ForwardingEventTypes.MessageSent);
        rows[0].MessageId.ShouldBe(replyId);

        Chatobuy.Inbox.Features.Conversations.Message Outbound(long conversationId, string type, string text, DateTimeOffset at) => new()
        {
            ConversationId = conversationId,
            ChannelId = harness.Channel.Id,
            Direction = Chatobuy.Inbox.Features.Conversations.MessageDirection.Outbound,
            Type = type,
            Text = text,
            Timestamp = at,
            CreatedAt = at,
        };
    }

    [Fact]
    public async Task History_BeforeTheQueueFirstRan_IsNotForwarded()
    {
        await using var harness = await ForwardingHarness.StartAsync();
        await AddDeliveryAsync(harness, Body(harness, entryTime: 1764756902));

        await harness.Queue.RunOnceAsync(CancellationToken.None);
        await harness.Queue.RunOnceAsync(CancellationToken.None);

        (await harness.RowsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task ChannelWithoutUrl_GetsNothingQueued()
    {
        await using var harness = await ForwardingHarness.StartAsync();
        await harness.Queue.RunOnceAsync(CancellationToken.None);
        await using (var db = await harness.DbAsync())
        {
            await db.Channels.ExecuteUpdateAsync(s => s.SetProperty(c => c.ForwardingWebhookUrl, (string?)null));
        }

        await AddDeliveryAsync(harness, Body(harness, entryTime: 1764756902));
        await harness.Queue.RunOnceAsync(CancellationToken.None);
        (await harness.Queue.AddOwnAsync(harness.Channel.Id, ForwardingEventTypes.ConversationResolved, 3, null, CancellationToken.None)).ShouldBeNull();

        (await harness.RowsAsync()).ShouldBeEmpty();
    }

    /// <summary>A delivery with a status and, unless told otherwise, a template update, in Meta's envelope.</summary>
    private static string Body(ForwardingHarness harness, long entryTime, bool withTemplate = true)
    {
        var template = withTemplate ? ",{\"field\":\"message_template_status_update\",\"value\":" + TemplateValue + "}" : "";
        return $$"""
            {"object":"whatsapp_business_account","entry":[
              {"id":"{{harness.Channel.WabaId}}","time":{{entryTime}},"changes":[
                {"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001001","phone_number_id":"{{harness.Channel.PhoneNumberId}}"},"statuses":[{{StatusValue}}]} }{{template}}
              ]}
            ]}
            """;
    }

    private static async Task AddDeliveryAsync(ForwardingHarness harness, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        await using var db = await harness.DbAsync();
        db.WebhookDeliveries.Add(new WebhookDelivery
        {
            ReceivedAt = harness.Clock.GetUtcNow(),
            ChannelId = harness.Channel.Id,
            Body = bytes,
            BodySha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            StatusCount = 1,
            OtherCount = 1,
        });
        await db.SaveChangesAsync();
    }
}
