using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Tests.Support;

namespace Chatobuy.Inbox.Tests.Features.Webhooks;

/// <summary>Every inbound message type of reference §7.3, posted signed, and what was stored of it.</summary>
public sealed class InboundTypesTests(InboxApp app) : IClassFixture<InboxApp>
{
    private const string Customer = "16505550199";

    private async Task<Message> PostAsync(JsonObject message)
    {
        var channel = await app.AddChannelAsync();
        using var client = app.CreateHttpClient();
        var response = await MetaWebhook.PostSignedAsync(client, $"/webhooks/whatsapp/{channel.Id}", MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId, [message]));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await app.MessagesAsync(channel.Id)).ShouldHaveSingleItem();
    }

    private static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public async Task Text_IsStoredWithItsBody()
    {
        var stored = await PostAsync(MetaWebhook.Text(Customer, "Visit https://example.com"));
        stored.Type.ShouldBe("text");
        stored.Text.ShouldBe("Visit https://example.com");
        stored.MediaState.ShouldBe(MediaState.None);
    }

    [Fact]
    public async Task Image_KeepsCaptionMediaIdMimeAndSha256AndQueuesTheDownload()
    {
        var stored = await PostAsync(MetaWebhook.Message(Customer, "image", Json("""{"caption":"My receipt","mime_type":"image/jpeg","sha256":"abc123","id":"1003383421387256"}""")));
        stored.Text.ShouldBe("My receipt");
        stored.MediaId.ShouldBe("1003383421387256");
        stored.MediaMimeType.ShouldBe("image/jpeg");
        stored.MediaSha256.ShouldBe("abc123");
        stored.MediaState.ShouldBe(MediaState.Pending);
    }

    [Fact]
    public async Task Voice_KeepsTheVoiceFlag()
    {
        var stored = await PostAsync(MetaWebhook.Message(Customer, "audio", Json("""{"mime_type":"audio/ogg; codecs=opus","sha256":"s","id":"222","voice":true}""")));
        stored.Type.ShouldBe("audio");
        stored.MediaId.ShouldBe("222");
        JsonDocument.Parse(stored.PayloadJson!).RootElement.GetProperty("voice").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Video_ForwardedManyTimes_IsMarked()
    {
        var stored = await PostAsync(MetaWebhook.Message(Customer, "video", Json("""{"caption":"look","mime_type":"video/mp4","sha256":"s","id":"333"}"""),
            extra: Json("""{"context":{"forwarded":true,"frequently_forwarded":true}}""")));
        stored.MediaId.ShouldBe("333");
        stored.Forwarded.ShouldBeTrue();
        stored.FrequentlyForwarded.ShouldBeTrue();
    }

    [Fact]
    public async Task Document_KeepsTheFileName()
    {
        var stored = await PostAsync(MetaWebhook.Message(Customer, "document", Json("""{"caption":"Invoice","filename":"invoice-0042.pdf","mime_type":"application/pdf","sha256":"s","id":"444"}""")));
        stored.MediaFileName.ShouldBe("invoice-0042.pdf");
        stored.Text.ShouldBe("Invoice");
    }

    [Fact]
    public async Task Sticker_KeepsTheAnimatedFlag()
    {
        var stored = await PostAsync(MetaWebhook.Message(Customer, "sticker", Json("""{"mime_type":"image/webp","sha256":"s","id":"555","animated":true}""")));
        stored.MediaId.ShouldBe("555");
        JsonDocument.Parse(stored.PayloadJson!).RootElement.GetProperty("animated").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Location_KeepsCoordinatesNameAddressAndUrl()
    {
        var stored = await PostAsync(MetaWebhook.Message(Customer, "location", Json("""{"latitude":37.758056,"longitude":-122.425332,"name":"Philz Coffee","address":"3101 24th St","url":"https://philzcoffee.com"}""")));
        stored.Text.ShouldBe("Philz Coffee, 3101 24th St");
        var payload = JsonDocument.Parse(stored.PayloadJson!).RootElement;
        payload.GetProperty("latitude").GetDouble().ShouldBe(37.758056);
        payload.GetProperty("url").GetString().ShouldBe("https://philzcoffee.com");
    }

    [Fact]
    public async Task Contacts_KeepEveryCard()
    {
        var stored = await PostAsync(MetaWebhook.Message(Customer, "contacts", JsonNode.Parse("""[{"name":{"formatted_name":"Barbara Johnson","first_name":"Barbara"},"phones":[{"phone":"+1 (940) 555-1234","wa_id":"19405551234","type":"HOME"}]},{"name":{"formatted_name":"Kim Lee","first_name":"Kim"}}]""")));
        stored.Text.ShouldBe("Barbara Johnson, Kim Lee");
        JsonDocument.Parse(stored.PayloadJson!).RootElement.GetArrayLength().ShouldBe(2);
    }

    [Theory]
    [InlineData("""{"type":"button_reply","button_reply":{"id":"yes-1","title":"Yes, please"}}""", "Yes, please")]
    [InlineData("""{"type":"list_reply","list_reply":{"id":"row-2","title":"Tomorrow 10:00","description":"Morning slot"}}""", "Tomorrow 10:00")]
    [InlineData("""{"type":"nfm_reply","nfm_reply":{"name":"flow","body":"Sent","response_json":"{\"flow_token\":\"t\"}"}}""", "Sent")]
    public async Task InteractiveReplies_KeepTheChoice(string interactive, string expected)
    {
        var stored = await PostAsync(MetaWebhook.Message(Customer, "interactive", Json(interactive)));
        stored.Type.ShouldBe("interactive");
        stored.Text.ShouldBe(expected);
        stored.PayloadJson.ShouldNotBeNull();
    }

    [Fact]
    public async Task TemplateQuickReplyButton_KeepsPayloadAndTheTemplateItAnswers()
    {
        var stored = await PostAsync(MetaWebhook.Message(Customer, "button", Json("""{"payload":"STOP_PROMOS","text":"Stop promotions"}"""),
            extra: Json("""{"context":{"from":"15550783881","id":"wamid.template-1"}}""")));
        stored.Text.ShouldBe("Stop promotions");
        stored.ReplyToWaMessageId.ShouldBe("wamid.template-1");
        stored.PayloadJson!.ShouldContain("STOP_PROMOS");
    }

    [Fact]
    public async Task Order_KeepsCatalogAndItems()
    {
        var stored = await PostAsync(MetaWebhook.Message(Customer, "order", Json("""{"catalog_id":"1537","text":"Please deliver after 5pm","product_items":[{"product_retailer_id":"sku-1","quantity":2,"item_price":12.5,"currency":"USD"},{"product_retailer_id":"sku-2","quantity":1,"item_price":3,"currency":"USD"}]}""")));
        stored.Text.ShouldBe("3 items: Please deliver after 5pm");
        var order = JsonDocument.Parse(stored.PayloadJson!).RootElement;
        order.GetProperty("catalog_id").GetString().ShouldBe("1537");
        order.GetProperty("product_items")[0].GetProperty("item_price").GetDouble().ShouldBe(12.5);
    }

    [Fact]
    public async Task System_KeepsItsText()
    {
        var stored = await PostAsync(MetaWebhook.Message(Customer, "system", Json("""{"body":"User A changed from 1 to 2","wa_id":"2","type":"user_changed_number"}""")));
        stored.Text.ShouldBe("User A changed from 1 to 2");
    }

    [Fact]
    public async Task Unsupported_IsKeptWithItsError()
    {
        var stored = await PostAsync(MetaWebhook.Message(Customer, "unsupported", Json("""{"type":"poll"}"""),
            extra: Json("""{"errors":[{"code":131051,"title":"Message type unknown","message":"Message type unknown","error_data":{"details":"Message type is currently not supported."}}]}""")));
        stored.Type.ShouldBe("unsupported");
        stored.ErrorsJson!.ShouldContain("131051");
    }

    [Fact]
    public async Task UnknownNewType_IsStoredRawNotDropped()
    {
        var stored = await PostAsync(MetaWebhook.Message(Customer, "hologram", Json("""{"shape":"cube"}""")));
        stored.Type.ShouldBe("hologram");
        stored.PayloadJson.ShouldBe("""{"shape":"cube"}""");
        stored.Preview.ShouldBe("Unsupported message");
    }

    [Fact]
    public async Task Referral_FromAClickToWhatsAppAd_IsKept()
    {
        var stored = await PostAsync(MetaWebhook.Text(Customer, "I saw your ad").Also(m => m["referral"] = Json("""{"source_url":"https://fb.me/ad","source_id":"ad-1","source_type":"ad","headline":"Summer sale","body":"50% off","media_type":"image","image_url":"https://x/y.jpg","ctwa_clid":"clid"}""")));
        stored.ReferralJson!.ShouldContain("Summer sale");
    }

    [Fact]
    public async Task ReplyAndProductEnquiry_KeepTheirContext()
    {
        var stored = await PostAsync(MetaWebhook.Text(Customer, "Is this in stock?").Also(m => m["context"] = Json("""{"from":"15550783881","id":"wamid.quoted","referred_product":{"catalog_id":"1537","product_retailer_id":"sku-9"}}""")));
        stored.ReplyToWaMessageId.ShouldBe("wamid.quoted");
        stored.ReferredProductCatalogId.ShouldBe("1537");
        stored.ReferredProductRetailerId.ShouldBe("sku-9");
    }

    [Fact]
    public async Task ReactionMessage_IsStoredAndAppliedToItsTarget()
    {
        var stored = await PostAsync(MetaWebhook.Message(Customer, "reaction", Json("""{"message_id":"wamid.target-1","emoji":"🎉"}""")));
        stored.Type.ShouldBe("reaction");
        stored.Text.ShouldBe("🎉");
        await using var db = await app.DbAsync();
        var reaction = db.Reactions.Single(r => r.TargetWaMessageId == "wamid.target-1");
        reaction.Emoji.ShouldBe("🎉");
        reaction.ReactorId.ShouldBe(Customer);
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject node, Action<JsonObject> change)
    {
        change(node);
        return node;
    }
}
