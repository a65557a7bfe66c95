using Bunit;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Tests.Support;

namespace Chatobuy.Inbox.Tests.Features.Inbox;

public sealed class MessageBubbleTests : ComponentTestContext
{
    private static Message Inbound(string type, string? text = null, string? payload = null) => new()
    {
        Id = 7,
        WaMessageId = "wamid.x",
        Direction = MessageDirection.Inbound,
        Type = type,
        Text = text,
        PayloadJson = payload,
        Timestamp = new DateTimeOffset(2026, 11, 24, 10, 30, 0, TimeSpan.Zero),
    };

    private IRenderedComponent<MessageBubble> RenderBubble(Message message, Message? replyTo = null, IReadOnlyList<Reaction>? reactions = null) =>
        Render<MessageBubble>(p => p.Add(b => b.Message, message).Add(b => b.ReplyTo, replyTo).Add(b => b.Reactions, reactions ?? []));

    [Fact]
    public void Text_WithALink_RendersTheLinkClickable()
    {
        var bubble = RenderBubble(Inbound("text", "See https://example.com/o/42 please"));
        var link = bubble.Find("[data-testid=text] a");
        link.GetAttribute("href").ShouldBe("https://example.com/o/42");
        bubble.Find("[data-testid=text]").TextContent.ShouldBe("See https://example.com/o/42 please");
    }

    [Fact]
    public void Image_Downloaded_ShowsThePreviewAndCaption()
    {
        var message = Inbound("image", "Receipt");
        message.MediaState = MediaState.Downloaded;
        var bubble = RenderBubble(message);
        bubble.Find("img[data-testid=image]").GetAttribute("src").ShouldBe("/media/7");
        bubble.Find("[data-testid=caption]").TextContent.ShouldBe("Receipt");
    }

    [Fact]
    public void Image_DownloadFailed_SaysWhy()
    {
        var message = Inbound("image");
        message.MediaState = MediaState.Failed;
        message.MediaError = "The media has expired at Meta.";
        RenderBubble(message).Find("[data-testid=media-state]").TextContent.ShouldContain("could not be downloaded: The media has expired at Meta.");
    }

    [Fact]
    public void Voice_Downloaded_HasAnAudioPlayer()
    {
        var message = Inbound("audio", payload: """{"voice":true,"id":"1"}""");
        message.MediaState = MediaState.Downloaded;
        var bubble = RenderBubble(message);
        bubble.Find("audio[data-testid=audio]").GetAttribute("src").ShouldBe("/media/7");
        bubble.Markup.ShouldContain("Voice message");
    }

    [Fact]
    public void Video_Downloaded_HasAVideoPlayer()
    {
        var message = Inbound("video");
        message.MediaState = MediaState.Downloaded;
        RenderBubble(message).Find("video[data-testid=video]").GetAttribute("src").ShouldBe("/media/7");
    }

    [Fact]
    public void Document_Downloaded_OffersTheFileByName()
    {
        var message = Inbound("document");
        message.MediaState = MediaState.Downloaded;
        message.MediaFileName = "invoice.pdf";
        var link = RenderBubble(message).Find("a[data-testid=document]");
        link.GetAttribute("download").ShouldBe("invoice.pdf");
        link.TextContent.ShouldContain("invoice.pdf");
    }

    [Fact]
    public void Sticker_Downloaded_ShowsTheSticker()
    {
        var message = Inbound("sticker");
        message.MediaState = MediaState.Downloaded;
        RenderBubble(message).Find("img[data-testid=sticker]").ShouldNotBeNull();
    }

    [Fact]
    public void Location_ShowsNameAddressAndAMapLink()
    {
        var bubble = RenderBubble(Inbound("location", payload: """{"latitude":-23.55,"longitude":-46.63,"name":"Paulista","address":"Av. Paulista 1000"}"""));
        var location = bubble.Find("[data-testid=location]");
        location.TextContent.ShouldContain("Paulista");
        location.TextContent.ShouldContain("Av. Paulista 1000");
        location.QuerySelector("a")!.GetAttribute("href")!.ShouldContain("mlat=-23.55");
    }

    [Fact]
    public void Contacts_ShowEachCard()
    {
        var bubble = RenderBubble(Inbound("contacts", payload: """[{"name":{"formatted_name":"Ana Souza"},"phones":[{"phone":"+55 11 5555-0000"}]},{"name":{"formatted_name":"Kim Lee"}}]"""));
        var cards = bubble.FindAll("[data-testid=contact-card]");
        cards.Count.ShouldBe(2);
        cards[0].TextContent.ShouldContain("+55 11 5555-0000");
    }

    [Fact]
    public void InteractiveAndTemplateReplies_ShowTheChoice()
    {
        RenderBubble(Inbound("interactive", "Yes, please")).Find("[data-testid=interactive]").TextContent.ShouldContain("Yes, please");
        RenderBubble(Inbound("button", "Stop promotions")).Find("[data-testid=button]").TextContent.ShouldContain("Stop promotions");
    }

    [Fact]
    public void Order_ShowsItemsAndTotal()
    {
        var bubble = RenderBubble(Inbound("order", payload: """{"catalog_id":"cat-1","product_items":[{"product_retailer_id":"sku-1","quantity":2,"item_price":9.9,"currency":"BRL"},{"product_retailer_id":"sku-2","quantity":1,"item_price":5,"currency":"BRL"}]}"""));
        bubble.Find("[data-testid=order]").TextContent.ShouldContain("sku-2");
        bubble.Find("[data-testid=order-total]").TextContent.ShouldBe("24.80 BRL");
    }

    [Fact]
    public void Order_WithProductNamesKnown_ShowsNamesNotRetailerOrCatalogIds()
    {
        var order = Inbound("order", payload: """{"catalog_id":"771000000000001","product_items":[{"product_retailer_id":"MUG-BLUE","quantity":2,"item_price":12.5,"currency":"USD"},{"product_retailer_id":"CAP-RED","quantity":1,"item_price":15,"currency":"USD"}]}""");
        var names = new Dictionary<ProductKey, string> { [new("771000000000001", "MUG-BLUE")] = "Blue ceramic mug" };

        var bubble = Render<MessageBubble>(p => p.Add(b => b.Message, order).Add(b => b.ProductNames, names));

        var items = bubble.FindAll("[data-testid=order-item-name]");
        items.Select(i => i.TextContent).ShouldBe(["Blue ceramic mug", "CAP-RED"]);
        items[0].GetAttribute("title").ShouldBe("MUG-BLUE");
        bubble.Find("[data-testid=order]").TextContent.ShouldNotContain("771000000000001");
        bubble.Find("[data-testid=order-total]").TextContent.ShouldBe("40.00 USD");
    }

    [Fact]
    public void ProductQuestion_WithTheNameKnown_NamesTheProduct()
    {
        var question = Inbound("text", "Is this in stock?");
        question.ReferredProductCatalogId = "771000000000001";
        question.ReferredProductRetailerId = "TEE-BLACK-M";
        var names = new Dictionary<ProductKey, string> { [new("771000000000001", "TEE-BLACK-M")] = "Black T-shirt (M)" };

        var bubble = Render<MessageBubble>(p => p.Add(b => b.Message, question).Add(b => b.ProductNames, names));

        bubble.Find("[data-testid=referred-product]").TextContent.ShouldBe("About product Black T-shirt (M)");
        RenderBubble(question).Find("[data-testid=referred-product]").TextContent.ShouldBe("About product TEE-BLACK-M");
    }

    [Fact]
    public void UnknownType_ShowsAPlainPlaceholder()
    {
        RenderBubble(Inbound("hologram")).Find("[data-testid=unsupported]").TextContent.ShouldContain("cannot be shown here");
    }

    [Fact]
    public void ReplyReactionsForwardedAndReferral_AreShown()
    {
        var message = Inbound("text", "Is it in stock?");
        message.ReplyToWaMessageId = "wamid.quoted";
        message.Forwarded = true;
        message.ReferralJson = """{"headline":"Summer sale","body":"50% off","source_url":"https://fb.me/ad"}""";
        var bubble = RenderBubble(message, replyTo: Inbound("text", "The blue one"), reactions: [new Reaction { Emoji = "👍", ReactorId = "1555" }]);
        bubble.Find("[data-testid=quote]").TextContent.ShouldBe("The blue one");
        bubble.Find("[data-testid=reaction]").TextContent.ShouldBe("👍");
        bubble.Find("[data-testid=forwarded]").TextContent.ShouldContain("Forwarded");
        bubble.Find("[data-testid=referral]").TextContent.ShouldContain("Summer sale");
    }

    [Theory]
    [InlineData(MessageStatus.Pending, "🕓")]
    [InlineData(MessageStatus.Sent, "✓")]
    [InlineData(MessageStatus.Delivered, "✓✓")]
    [InlineData(MessageStatus.Read, "✓✓")]
    public void Outbound_ShowsItsDeliveryTick(MessageStatus status, string tick)
    {
        var message = Inbound("text", "Thanks!");
        message.Direction = MessageDirection.Outbound;
        message.Status = status;
        var ticks = RenderBubble(message).Find("[data-testid=ticks]");
        ticks.TextContent.ShouldBe(tick);
        ticks.ClassList.Contains("read").ShouldBe(status == MessageStatus.Read);
    }

    [Fact]
    public void Outbound_FailedByStatusWebhook_ShowsThePlainReasonNextStepAndMetaCode()
    {
        var message = Inbound("text", "Hello?");
        message.Direction = MessageDirection.Outbound;
        message.Status = MessageStatus.Failed;
        message.ErrorCode = 131047;
        message.ErrorTitle = "Re-engagement message";
        message.ErrorDetails = "More than 24 hours have passed since the customer last replied.";
        var failure = RenderBubble(message).Find("[data-testid=failure]");
        failure.TextContent.ShouldContain("The customer has not written in the last 24 hours, or has never written to this number, so WhatsApp only allows an approved template now.");
        failure.TextContent.ShouldContain("Send an approved template");
        failure.TextContent.ShouldContain("(Meta error 131047)");
        failure.GetAttribute("title").ShouldBe("Re-engagement message — More than 24 hours have passed since the customer last replied.");
    }

    [Fact]
    public void Outbound_FailedWithACodeWeDoNotKnow_ShowsMetasOwnWords()
    {
        var message = Inbound("text", "Hello?");
        message.Direction = MessageDirection.Outbound;
        message.Status = MessageStatus.Failed;
        message.ErrorCode = 135999;
        message.ErrorTitle = "Something unusual";
        message.ErrorDetails = "Details from Meta.";
        var failure = RenderBubble(message).Find("[data-testid=failure]").TextContent;
        failure.ShouldContain("Not delivered: Something unusual — Details from Meta.");
        failure.ShouldContain("(Meta error 135999)");
    }

    [Fact]
    public void SentInteractive_ShowsTheMessageAsTheCustomerGotItWithItsTicks()
    {
        var message = SentButtons();

        var bubble = RenderBubble(message);

        var sent = bubble.Find("[data-testid=interactive-sent]");
        sent.GetAttribute("data-interactive-type").ShouldBe("button");
        sent.QuerySelector("[data-testid=interactive-preview]").ShouldNotBeNull();
        sent.TextContent.ShouldContain("Pick a delivery slot, Maria");
        sent.TextContent.ShouldContain("Morning");
        sent.TextContent.ShouldContain("Afternoon");
        bubble.Find("[data-testid=ticks]").GetAttribute("data-status").ShouldBe(nameof(MessageStatus.Delivered));
        bubble.FindAll("[data-testid=interactive]").ShouldBeEmpty();
    }

    [Fact]
    public void ButtonReply_QuotesTheMessageShowsTheTappedTitleAndTheIdOnHover()
    {
        var tapped = Inbound("interactive", "Morning", """{"type":"button_reply","button_reply":{"id":"slot-am","title":"Morning"}}""");
        tapped.ReplyToWaMessageId = "wamid.sent";
        tapped.ReplyId = "slot-am";

        var bubble = RenderBubble(tapped, replyTo: SentButtons());

        bubble.Find("[data-testid=quote]").TextContent.ShouldBe("Pick a delivery slot, Maria");
        var choice = bubble.Find("[data-testid=interactive]");
        choice.TextContent.ShouldContain("Morning");
        choice.GetAttribute("title").ShouldBe("Reply id: slot-am");
        choice.GetAttribute("data-reply-id").ShouldBe("slot-am");
    }

    [Fact]
    public void TemplateQuickReply_ShowsTheTitleAndThePayloadOnHover()
    {
        var tapped = Inbound("button", "Talk to us", """{"payload":"talk-to-us","text":"Talk to us"}""");
        tapped.ReplyId = "talk-to-us";

        var choice = RenderBubble(tapped).Find("[data-testid=button]");

        choice.TextContent.ShouldContain("Talk to us");
        choice.GetAttribute("title").ShouldBe("Reply id: talk-to-us");
    }

    [Fact]
    public void SentProduct_ShownAsAProductMessage()
    {
        var message = Inbound("interactive", "Our picks", """
            {"type":"product","body":{"text":"Our picks"},"action":{"catalog_id":"771","product_retailer_id":"MUG-BLUE"}}
            """);
        message.Direction = MessageDirection.Outbound;
        message.Status = MessageStatus.Sent;

        var bubble = Render<MessageBubble>(p => p.Add(b => b.Message, message)
            .Add(b => b.ProductNames, new Dictionary<ProductKey, string> { [new ProductKey("771", "MUG-BLUE")] = "Blue ceramic mug" }));

        bubble.Find("[data-testid=interactive-sent]").GetAttribute("data-interactive-type").ShouldBe("product");
        bubble.Find("[data-testid=interactive-sent]").TextContent.ShouldContain("Our picks");
    }

    private static Message SentButtons() => new()
    {
        Id = 8,
        WaMessageId = "wamid.sent",
        Direction = MessageDirection.Outbound,
        Status = MessageStatus.Delivered,
        Type = "interactive",
        Text = "Pick a delivery slot, Maria",
        PayloadJson = """
            {"type":"button","action":{"buttons":[{"reply":{"id":"slot-am","title":"Morning"},"type":"reply"},{"reply":{"id":"slot-pm","title":"Afternoon"},"type":"reply"}]},
             "body":{"text":"Pick a delivery slot, Maria"}}
            """,
        Timestamp = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero),
    };
}
