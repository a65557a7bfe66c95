using System.Text.Json;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.CloudApi.Messages;

namespace Chatobuy.Inbox.Tests.CloudApi.Messages;

/// <summary>Each message kind we send, serialized as Meta documents it (reference §3).</summary>
public sealed class MessageRequestTests
{
    [Fact]
    public void Text_WithPreviewUrl_IsMetasTextMessage()
    {
        var request = MessageRequest.ForText("See https://example.com/track", true).Addressed("16505551234", "42");

        request.ToJson().ShouldBe(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"16505551234","type":"text","text":{"body":"See https://example.com/track","preview_url":true},"biz_opaque_callback_data":"42"}""");
    }

    [Fact]
    public void Image_ById_CarriesTheIdAndCaption()
    {
        var request = MessageRequest.ForMedia("image", "1479537139650973", null, "The new model", null).Addressed("16505551234", "7");

        request.ToJson().ShouldBe(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"16505551234","type":"image","image":{"id":"1479537139650973","caption":"The new model"},"biz_opaque_callback_data":"7"}""");
    }

    [Fact]
    public void Video_ByLink_CarriesTheLink()
    {
        var request = MessageRequest.ForMedia("video", null, "https://example.com/tour.mp4", "A short tour", null);

        request.ToJson().ShouldBe(
            """{"messaging_product":"whatsapp","recipient_type":"individual","type":"video","video":{"link":"https://example.com/tour.mp4","caption":"A short tour"}}""");
    }

    [Fact]
    public void Audio_WithCaption_LeavesTheCaptionOut()
    {
        var request = MessageRequest.ForMedia("audio", "2211", null, "ignored", "voice.ogg");

        request.ToJson().ShouldBe("""{"messaging_product":"whatsapp","recipient_type":"individual","type":"audio","audio":{"id":"2211"}}""");
    }

    [Fact]
    public void Document_ByLink_CarriesTheFilename()
    {
        var request = MessageRequest.ForMedia("document", null, "https://example.com/invoice.pdf", "Your invoice", "invoice-10482.pdf");

        request.ToJson().ShouldBe(
            """{"messaging_product":"whatsapp","recipient_type":"individual","type":"document","document":{"link":"https://example.com/invoice.pdf","caption":"Your invoice","filename":"invoice-10482.pdf"}}""");
    }

    [Fact]
    public void Sticker_ById_HasNoCaption()
    {
        var request = MessageRequest.ForMedia("sticker", "798882015472548", null, "ignored", null);

        request.ToJson().ShouldBe("""{"messaging_product":"whatsapp","recipient_type":"individual","type":"sticker","sticker":{"id":"798882015472548"}}""");
    }

    [Theory]
    [InlineData("👍", """{"messaging_product":"whatsapp","recipient_type":"individual","type":"reaction","reaction":{"message_id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=","emoji":"\uD83D\uDC4D"}}""")]
    [InlineData("", """{"messaging_product":"whatsapp","recipient_type":"individual","type":"reaction","reaction":{"message_id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=","emoji":""}}""")]
    public void Reaction_AnEmptyEmojiIsKept_ItRemovesTheReaction(string emoji, string json)
    {
        MessageRequest.ForReaction("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", emoji).ToJson().ShouldBe(json);
    }

    [Fact]
    public void Reply_CarriesTheQuotedMessageInContext()
    {
        var request = MessageRequest.ForText("Yes, it ships today.", false).ReplyingTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=");

        request.ToJson().ShouldBe(
            """{"messaging_product":"whatsapp","recipient_type":"individual","context":{"message_id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA="},"type":"text","text":{"body":"Yes, it ships today.","preview_url":false}}""");
        MessageRequest.ForText("Hi", false).ReplyingTo(null).Context.ShouldBeNull();
    }

    [Fact]
    public void Template_WithComponents_HeaderMediaBodyAndUrlButton()
    {
        var template = new TemplateObject(
            "order_confirmation",
            new TemplateLanguage("en_US"),
            [
                TemplateComponent.Header([TemplateParameter.ForMedia("document", "https://example.com/receipt.pdf", "receipt.pdf")]),
                TemplateComponent.Body([TemplateParameter.ForText("Mark"), TemplateParameter.ForText("860198-230332")]),
                TemplateComponent.UrlButton(1, "summer2023"),
            ]);

        MessageRequest.ForTemplate(template).ToJson().ShouldBe(
            """{"messaging_product":"whatsapp","recipient_type":"individual","type":"template","template":{"name":"order_confirmation","language":{"code":"en_US","policy":"deterministic"},"components":[{"type":"header","parameters":[{"type":"document","document":{"link":"https://example.com/receipt.pdf","filename":"receipt.pdf"}}]},{"type":"body","parameters":[{"type":"text","text":"Mark"},{"type":"text","text":"860198-230332"}]},{"type":"button","sub_type":"url","index":"1","parameters":[{"type":"text","text":"summer2023"}]}]}}""");
    }

    [Fact]
    public void Template_NamedParameters_CarryTheirNames()
    {
        var template = new TemplateObject("order_update", new TemplateLanguage("pt_BR"), [TemplateComponent.Body([TemplateParameter.ForText("Ana", "first_name")])]);

        MessageRequest.ForTemplate(template).ToJson().ShouldBe(
            """{"messaging_product":"whatsapp","recipient_type":"individual","type":"template","template":{"name":"order_update","language":{"code":"pt_BR","policy":"deterministic"},"components":[{"type":"body","parameters":[{"type":"text","parameter_name":"first_name","text":"Ana"}]}]}}""");
    }

    [Fact]
    public void Template_UploadedHeader_GetsTheMediaIdInPlaceOfTheLink()
    {
        var template = new TemplateObject("follow_up", new TemplateLanguage("en_US"), [TemplateComponent.Header([TemplateParameter.ForMedia("image", null, null)])]);

        var request = MessageRequest.ForTemplate(template).WithMediaId("4490709327384033");

        request.ToJson().ShouldBe(
            """{"messaging_product":"whatsapp","recipient_type":"individual","type":"template","template":{"name":"follow_up","language":{"code":"en_US","policy":"deterministic"},"components":[{"type":"header","parameters":[{"type":"image","image":{"id":"4490709327384033"}}]}]}}""");
    }

    [Fact]
    public void MarkRead_IsMetasReadReceipt()
    {
        Wire(MarkReadRequest.For("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", showTyping: false)).ShouldBe(
            """{"messaging_product":"whatsapp","status":"read","message_id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA="}""");
    }

    [Fact]
    public void TypingIndicator_RidesOnTheReadReceipt()
    {
        Wire(MarkReadRequest.For("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", showTyping: true)).ShouldBe(
            """{"messaging_product":"whatsapp","status":"read","message_id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=","typing_indicator":{"type":"text"}}""");
    }

    [Theory]
    [InlineData("""{"messaging_product":"whatsapp","recipient_type":"individual","type":"text","text":{"body":"Hi","preview_url":false},"context":{"message_id":"wamid.q"}}""")]
    [InlineData("""{"messaging_product":"whatsapp","recipient_type":"individual","type":"image","image":{"caption":"The receipt"}}""")]
    [InlineData("""{"messaging_product":"whatsapp","recipient_type":"individual","type":"document","document":{"filename":"a.pdf","link":"https://example.com/a.pdf"}}""")]
    [InlineData("""{"messaging_product":"whatsapp","recipient_type":"individual","type":"reaction","reaction":{"message_id":"wamid.q","emoji":""}}""")]
    [InlineData("""{"messaging_product":"whatsapp","recipient_type":"individual","type":"template","template":{"name":"order_update","language":{"code":"en_US","policy":"deterministic"},"components":[{"type":"header","parameters":[{"type":"document","document":{"filename":"a.pdf"}}]},{"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"10482"}]}]}}""")]
    public void FromJson_AnOutboxRowWrittenBeforeTheRecords_SendsTheSameMessage(string row)
    {
        var request = MessageRequest.FromJson(row);

        Canonical(request.ToJson()).ShouldBe(Canonical(row));
    }

    [Fact]
    public void FromJson_AnOldMediaRowUploadedAtSendTime_GetsTheMediaId()
    {
        var row = """{"messaging_product":"whatsapp","recipient_type":"individual","type":"image","image":{"caption":"The receipt"}}""";

        var request = MessageRequest.FromJson(row).WithMediaId("media-9").Addressed("5511911110000", "12");

        request.ToJson().ShouldBe(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"5511911110000","type":"image","image":{"id":"media-9","caption":"The receipt"},"biz_opaque_callback_data":"12"}""");
    }

    private static string Wire<T>(T value) => JsonSerializer.Serialize(value, GraphJson.Options);

    /// <summary>The JSON with every object's properties sorted by name: the same message whatever the order.</summary>
    private static string Canonical(string json) => Sorted(JsonDocument.Parse(json).RootElement);

    private static string Sorted(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"\"{p.Name}\":{Sorted(p.Value)}")) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Sorted)) + "]",
        _ => element.GetRawText(),
    };
}
