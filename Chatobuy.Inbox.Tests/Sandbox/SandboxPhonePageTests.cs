using System.Text.Json.Nodes;
using Bunit;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Sandbox;
using Chatobuy.Inbox.Sandbox.Customer;
using Chatobuy.Inbox.Sandbox.Delivery;
using Chatobuy.Inbox.Sandbox.Pages;
using Chatobuy.Inbox.Sandbox.Rules;
using Chatobuy.Inbox.Sandbox.State;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Tests.Sandbox;

/// <summary>The customer phone page in bUnit, over Sandbox services of its own (no webhook sender running).</summary>
public sealed class SandboxPhonePageTests : ComponentTestContext
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "chatobuy-inbox-tests", Guid.NewGuid().ToString("N"));
    private readonly SandboxState _state;
    private readonly SandboxCustomers _customers;
    private readonly SandboxOutbox _outbox;
    private readonly SandboxDeliveryLog _log = new(TimeProvider.System);
    private readonly SandboxProfiles _profiles;
    private readonly SandboxUploads _uploads;
    private readonly SandboxMediaStore _media;

    public SandboxPhonePageTests()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new SandboxOptions
        {
            AccessToken = "EAASandboxPhoneTestToken00000000000",
            AppSecret = "phone0test0secret000000000",
        });
        var paths = new DataPaths(_dataDirectory);
        _state = new SandboxState(options, paths, TimeProvider.System, NullLogger<SandboxState>.Instance);
        var media = _media = new SandboxMediaStore(options, paths, TimeProvider.System, NullLogger<SandboxMediaStore>.Instance);
        var queue = new SandboxWebhookQueue(_log);
        _customers = new SandboxCustomers(_state, media, queue, TimeProvider.System, NullLogger<SandboxCustomers>.Instance);
        Services.AddSingleton<IOptions<SandboxOptions>>(options);
        Services.AddSingleton(_state);
        Services.AddSingleton(media);
        Services.AddSingleton(_log);
        Services.AddSingleton(queue);
        Services.AddSingleton(_customers);
        _outbox = new SandboxOutbox(_customers, queue, options, TimeProvider.System, NullLogger<SandboxOutbox>.Instance);
        Services.AddSingleton(_outbox);
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        _profiles = new SandboxProfiles(_state, paths, NullLogger<SandboxProfiles>.Instance);
        _uploads = new SandboxUploads(options, TimeProvider.System, NullLogger<SandboxUploads>.Instance);
        Services.AddSingleton(_profiles);
        Services.AddSingleton(_uploads);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        _outbox.Dispose();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private IRenderedComponent<SandboxPhonePage> RenderPage()
    {
        RenderProviders();
        return Render<SandboxPhonePage>();
    }

    [Fact]
    public void BusinessInfo_SelectedNumber_ShowsItsProfileAndFollowsChanges()
    {
        var page = RenderPage();
        page.Find("[data-testid=business-info-vertical]").TextContent.ShouldBe("Category: Shopping and Retail");
        page.Find("[data-testid=business-info-email]").TextContent.ShouldBe("Email: store@sandbox.example");

        var refusal = _profiles.Update(_state.PhoneNumbers[0].Id, new JsonObject { ["about"] = "Closed for inventory today", ["vertical"] = "GROCERY" }, _uploads, requireMessagingProduct: false);

        refusal.ShouldBeNull();
        page.WaitForAssertion(() => page.Find("[data-testid=business-info-about]").TextContent.ShouldBe("Closed for inventory today"));
        page.Find("[data-testid=business-info-vertical]").TextContent.ShouldBe("Category: Food and Grocery");
        page.FindAll("[data-testid=business-info-picture]").ShouldBeEmpty();
    }

    [Fact]
    public void ProfileControl_ChangeAtMeta_ThePhoneShowsTheNewAbout()
    {
        var page = RenderPage();
        var control = Render<SandboxProfileControl>();

        control.Find("input[data-testid=sandbox-profile-about]").Change("Edited in WhatsApp Manager");
        control.Find("[data-testid=sandbox-profile-change]").Click();

        control.Find("[data-testid=sandbox-profile-result]").TextContent.ShouldBe("Changed at Meta.");
        page.WaitForAssertion(() => page.Find("[data-testid=business-info-about]").TextContent.ShouldBe("Edited in WhatsApp Manager"));
    }

    [Fact]
    public void ProfileControl_AboutTooLong_SaysWhatMetaSays()
    {
        RenderProviders();
        var control = Render<SandboxProfileControl>();

        control.Find("input[data-testid=sandbox-profile-about]").Change(new string('a', 140));
        control.Find("[data-testid=sandbox-profile-change]").Click();

        control.Find("[data-testid=sandbox-profile-result]").TextContent.ShouldBe("(#100) Param about must be at most 139 characters long");
        _profiles.Get(_state.PhoneNumbers[0].Id)!.About.ShouldNotBe(new string('a', 140));
    }

    [Fact]
    public void PhonePage_Rendered_ShowsNumberPickerCustomerAndComposer()
    {
        var page = RenderPage();

        page.Find("[data-testid=number-picker]").ShouldNotBeNull();
        page.Find("[data-testid=customer-name] input, input[data-testid=customer-name]").GetAttribute("value").ShouldBe(SandboxCustomers.DefaultName);
        page.Find("[data-testid=phone]").TextContent.ShouldContain("+1 555-0100");
        page.Find("[data-testid=composer]").ShouldNotBeNull();
        page.Find("[data-testid=send-text]").ShouldNotBeNull();
        page.Find("[data-testid=chat-empty]").TextContent.ShouldContain("No messages yet");
        page.Find("[data-testid=callback-target]").TextContent.ShouldContain("not subscribed");
    }

    [Fact]
    public void PhonePage_TextTypedAndSent_ShowsTheBubbleQueuedThenDelivered()
    {
        var page = RenderPage();

        page.Find("[data-testid=text-input] input, input[data-testid=text-input]").Input("Hello from the phone");
        page.Find("[data-testid=send-text]").Click();

        var bubble = page.WaitForElement("[data-testid=bubble]");
        bubble.QuerySelector("[data-testid=bubble-text]")!.TextContent.ShouldBe("Hello from the phone");
        bubble.QuerySelector("[data-testid=bubble-delivery]")!.TextContent.ShouldBe("queued");
        var sent = _customers.Conversation(_state.PhoneNumbers[0].Id, SandboxCustomers.DefaultWaId).ShouldHaveSingleItem();
        sent.Message["text"]!["body"]!.GetValue<string>().ShouldBe("Hello from the phone");

        _log.Updated(_log.Started("http://receiver.test/hook", sent.PhoneNumberId, [sent.Id], SandboxDeliveryState.Sending), SandboxDeliveryState.Retrying, 2, 500, "HTTP 500");
        page.WaitForAssertion(() => page.Find("[data-testid=bubble-delivery]").TextContent.ShouldBe("retrying (2)"));
    }

    [Fact]
    public void PhonePage_MessageSentThroughTheApi_AppearsLive()
    {
        var page = RenderPage();

        _customers.Send(SandboxCustomers.DefaultWaId, new JsonObject
        {
            ["phone_number_id"] = _state.PhoneNumbers[0].Id,
            ["type"] = "location",
            ["location"] = new JsonObject { ["latitude"] = 1.5, ["longitude"] = 2.5, ["name"] = "Warehouse" },
        }).Succeeded.ShouldBeTrue();

        page.WaitForAssertion(() => page.Find("[data-testid=bubble-text]").TextContent.ShouldBe("📍 Warehouse"));
    }

    [Fact]
    public void PhonePage_EveryBubbleActionButton_HasAnAccessibleName()
    {
        var phoneId = _state.PhoneNumbers[0].Id;
        _customers.Send(SandboxCustomers.DefaultWaId, new JsonObject
        {
            ["phone_number_id"] = phoneId,
            ["type"] = "text",
            ["text"] = new JsonObject { ["body"] = "Hello" },
        });
        var page = RenderPage();

        page.WaitForAssertion(() => page.FindAll(".bubble-actions button").ShouldNotBeEmpty());

        var buttons = page.FindAll(".bubble-actions button");
        buttons.ShouldAllBe(b => !string.IsNullOrWhiteSpace(b.GetAttribute("aria-label")) || !string.IsNullOrWhiteSpace(b.TextContent));
        buttons.Select(b => b.GetAttribute("aria-label")).ShouldContain("React to this message");
    }

    [Fact]
    public void PhonePage_BusinessSendsAReplyAndReacts_ShowsTheBusinessBubbleQuoteTicksAndReactionChip()
    {
        var phoneId = _state.PhoneNumbers[0].Id;
        var inbound = _customers.Send(SandboxCustomers.DefaultWaId, new JsonObject
        {
            ["phone_number_id"] = phoneId,
            ["type"] = "text",
            ["text"] = new JsonObject { ["body"] = "Is the mug in stock?" },
        }).Id!;
        var page = RenderPage();

        _outbox.Accept(phoneId, new SandboxOutboundRequest("text", new JsonObject { ["body"] = "Yes, 3 left!" }, SandboxCustomers.DefaultWaId, SandboxCustomers.DefaultWaId, inbound, null));
        _outbox.Accept(phoneId, new SandboxOutboundRequest("reaction", new JsonObject { ["message_id"] = inbound, ["emoji"] = "👍" }, SandboxCustomers.DefaultWaId, SandboxCustomers.DefaultWaId, null, null));

        page.WaitForAssertion(() =>
        {
            var bubble = page.Find("[data-testid=business-bubble]");
            bubble.QuerySelector("[data-testid=business-bubble-text]")!.TextContent.ShouldBe("Yes, 3 left!");
            bubble.QuerySelector(".bubble-quote")!.TextContent.ShouldBe("Is the mug in stock?");
            bubble.QuerySelector("[data-testid=business-ticks]").ShouldNotBeNull();
        });
        page.FindAll("[data-testid=business-bubble]").Count.ShouldBe(1);
        page.WaitForAssertion(() => page.Find("[data-testid=bubble] [data-testid=reaction-chip]").TextContent.ShouldBe("👍"));
        page.WaitForAssertion(() => page.Find("[data-testid=business-ticks]").TextContent.ShouldBe("✓✓ read"), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void PhonePage_BusinessMarksReadWithTypingIndicator_ShowsReadAndTyping()
    {
        var phoneId = _state.PhoneNumbers[0].Id;
        var inbound = _customers.Send(SandboxCustomers.DefaultWaId, new JsonObject
        {
            ["phone_number_id"] = phoneId,
            ["type"] = "text",
            ["text"] = new JsonObject { ["body"] = "Hello?" },
        }).Id!;
        var page = RenderPage();

        _outbox.MarkRead(phoneId, inbound, typing: true).ShouldBeTrue();

        page.WaitForAssertion(() =>
        {
            page.Find("[data-testid=typing]").TextContent.ShouldBe("typing…");
            page.Find("[data-testid=bubble-read]").TextContent.ShouldContain("read");
        });
    }

    [Fact]
    public async Task Interactive_ReplyButtons_ShowHeaderBodyFooterAndButtons_TapSendsButtonReplyQuotingIt()
    {
        CustomerWrites();
        var page = RenderPage();

        var sent = BusinessSends("""
            {"type":"button","header":{"type":"text","text":"Delivery"},"body":{"text":"Pick a slot"},"footer":{"text":"Chatobuy"},
             "action":{"buttons":[{"type":"reply","reply":{"id":"slot-am","title":"Morning"}},{"type":"reply","reply":{"id":"slot-pm","title":"Afternoon"}}]}}
            """);

        page.WaitForAssertion(() => page.Find("[data-testid=business-interactive]").GetAttribute("data-type").ShouldBe("button"));
        var bubble = page.Find("[data-testid=business-interactive]");
        bubble.QuerySelector("[data-testid=interactive-header]")!.TextContent.ShouldBe("Delivery");
        bubble.QuerySelector("[data-testid=business-bubble-text]")!.TextContent.ShouldBe("Pick a slot");
        bubble.QuerySelector("[data-testid=interactive-footer]")!.TextContent.ShouldBe("Chatobuy");
        page.FindAll("[data-testid=interactive-reply]").Select(b => b.TextContent).ShouldBe(["↩ Morning", "↩ Afternoon"]);

        await TapAsync(page, "[data-testid=interactive-reply][data-id=slot-pm]");

        var reply = LastCustomerMessage();
        reply.Message["type"]!.GetValue<string>().ShouldBe("interactive");
        reply.Message["interactive"]!.ToJsonString().ShouldBe("""{"type":"button_reply","button_reply":{"id":"slot-pm","title":"Afternoon"}}""");
        reply.Message["context"]!["id"]!.GetValue<string>().ShouldBe(sent.Id);
        reply.Message["context"]!["from"]!.GetValue<string>().ShouldBe("15550100");
        page.WaitForAssertion(() =>
        {
            var tapped = page.FindAll("[data-testid=bubble]").Last();
            tapped.QuerySelector("[data-testid=bubble-text]")!.TextContent.ShouldBe("Tapped: Afternoon");
            tapped.QuerySelector(".bubble-quote")!.TextContent.ShouldBe("Pick a slot [Morning] [Afternoon]");
        });
    }

    [Fact]
    public async Task Interactive_List_OpensItsSectionsInASheet_TheChosenRowIsSentAsListReply()
    {
        CustomerWrites();
        var sent = BusinessSends("""
            {"type":"list","header":{"type":"text","text":"Café"},"body":{"text":"Our menu"},"action":{"button":"See menu","sections":[
              {"title":"Drinks","rows":[{"id":"tea","title":"Green tea","description":"Hot, 300 ml"},{"id":"coffee","title":"Coffee"}]},
              {"title":"Cakes","rows":[{"id":"cheesecake","title":"Cheesecake","description":"New York style"}]}]}}
            """);
        var page = RenderPage();

        page.Find("[data-testid=interactive-list-open]").TextContent.ShouldBe("☰ See menu");
        page.FindAll("[data-testid=phone-sheet]").ShouldBeEmpty();
        await TapAsync(page, "[data-testid=interactive-list-open]");

        var sheet = page.Find("[data-testid=phone-sheet]");
        sheet.GetAttribute("aria-label").ShouldBe("See menu");
        page.FindAll("[data-testid=sheet-section]").Select(s => s.TextContent).ShouldBe(["Drinks", "Cakes"]);
        page.FindAll("[data-testid=sheet-row]").Select(r => r.GetAttribute("data-id")).ShouldBe(["tea", "coffee", "cheesecake"]);
        page.Find("[data-testid=sheet-row][data-id=tea]").TextContent.ShouldContain("Hot, 300 ml");
        page.Find("[data-testid=sheet-send-row]").HasAttribute("disabled").ShouldBeTrue();

        await page.Find("[data-testid=sheet-row][data-id=cheesecake] input").ChangeAsync(true);
        await TapAsync(page, "[data-testid=sheet-send-row]");

        var reply = LastCustomerMessage();
        reply.Message["interactive"]!.ToJsonString().ShouldBe("""{"type":"list_reply","list_reply":{"id":"cheesecake","title":"Cheesecake","description":"New York style"}}""");
        reply.Message["context"]!["id"]!.GetValue<string>().ShouldBe(sent.Id);
        page.FindAll("[data-testid=phone-sheet]").ShouldBeEmpty();
    }

    [Fact]
    public void Interactive_CtaUrl_TheButtonOpensTheLinkInANewTab()
    {
        CustomerWrites();
        BusinessSends("""
            {"type":"cta_url","header":{"type":"text","text":"Order 10482"},"body":{"text":"Your parcel is on its way."},
             "action":{"name":"cta_url","parameters":{"display_text":"Track it","url":"https://example.com/track/10482"}}}
            """);
        var page = RenderPage();

        var link = page.Find("a[data-testid=interactive-url]");

        link.TextContent.ShouldBe("🔗 Track it");
        link.GetAttribute("href").ShouldBe("https://example.com/track/10482");
        link.GetAttribute("target").ShouldBe("_blank");
        link.GetAttribute("rel")!.ShouldContain("noopener");
        page.Find("[data-testid=interactive-header]").TextContent.ShouldBe("Order 10482");
    }

    [Fact]
    public async Task Interactive_LocationRequest_SendLocationSharesTheEditedPlaceQuotingTheRequest()
    {
        CustomerWrites();
        var sent = BusinessSends("""{"type":"location_request_message","body":{"text":"Where should we deliver?"},"action":{"name":"send_location"}}""");
        var page = RenderPage();

        page.Find("[data-testid=business-bubble-text]").TextContent.ShouldBe("Where should we deliver?");
        await TapAsync(page, "[data-testid=interactive-send-location]");
        page.Find("[data-testid=sheet-place-name] input, input[data-testid=sheet-place-name]").GetAttribute("value").ShouldBe("Chatobuy Store");
        await page.InvokeAsync(() => page.Find("[data-testid=sheet-place-name] input, input[data-testid=sheet-place-name]").ChangeAsync("Home"));
        await TapAsync(page, "[data-testid=sheet-send-location]");

        var reply = LastCustomerMessage();
        reply.Type.ShouldBe("location");
        reply.Message["location"]!["name"]!.GetValue<string>().ShouldBe("Home");
        reply.Message["location"]!["address"]!.GetValue<string>().ShouldBe("Av. Paulista 1000, São Paulo");
        reply.Message["location"]!["latitude"]!.GetValue<double>().ShouldBe(-23.5614);
        reply.Message["location"]!["longitude"]!.GetValue<double>().ShouldBe(-46.6559);
        reply.Message["context"]!["id"]!.GetValue<string>().ShouldBe(sent.Id);
        page.WaitForAssertion(() => page.FindAll("[data-testid=bubble-text]").Last().TextContent.ShouldBe("📍 Home"));
    }

    [Fact]
    public async Task Interactive_MediaHeaders_ShowTheUploadedPictureAndTheLinkedVideoAndDocument()
    {
        CustomerWrites();
        var stored = await _media.SaveAsync(new MemoryStream([0x89, 0x50, 0x4E, 0x47, 1, 2, 3]), "image/png", "slot.png", null, CancellationToken.None);
        BusinessSends($$$"""{"type":"button","header":{"type":"image","image":{"id":"{{{stored.Id}}}"}},"body":{"text":"This one?"},"action":{"buttons":[{"type":"reply","reply":{"id":"y","title":"Yes"}}]}}""");
        BusinessSends("""{"type":"button","header":{"type":"video","video":{"link":"https://example.com/tour.mp4"}},"body":{"text":"A tour"},"action":{"buttons":[{"type":"reply","reply":{"id":"y","title":"Nice"}}]}}""");
        BusinessSends("""{"type":"button","header":{"type":"document","document":{"link":"https://example.com/menu.pdf","filename":"menu.pdf"}},"body":{"text":"Menu"},"action":{"buttons":[{"type":"reply","reply":{"id":"y","title":"Thanks"}}]}}""");
        var page = RenderPage();

        page.Find("[data-testid=interactive-header-image]").GetAttribute("src").ShouldStartWith($"/sandbox/phone/media/{stored.Id}?exp=");
        page.Find("[data-testid=interactive-header-video]").GetAttribute("src").ShouldBe("https://example.com/tour.mp4");
        var document = page.Find("[data-testid=interactive-header-document]");
        document.GetAttribute("href").ShouldBe("https://example.com/menu.pdf");
        document.TextContent.ShouldBe("📄 menu.pdf");
    }

    [Fact]
    public async Task Interactive_SingleProduct_ShowsItsCard_TwoAddedToTheCartAndSentAsAnOrder()
    {
        CustomerWrites();
        BusinessSends($$$"""{"type":"product","body":{"text":"Back in stock!"},"action":{"catalog_id":"{{{SandboxCatalog.CatalogId}}}","product_retailer_id":"MUG-BLUE"}}""");
        var page = RenderPage();

        var card = page.Find("[data-testid=product-card]");
        card.GetAttribute("data-retailer-id").ShouldBe("MUG-BLUE");
        card.QuerySelector("[data-testid=product-name]")!.TextContent.ShouldBe("Blue ceramic mug");
        card.QuerySelector("[data-testid=product-price]")!.TextContent.ShouldBe("$12.50");
        card.QuerySelector("[data-testid=product-image]")!.GetAttribute("src").ShouldBe("/sandbox/catalog/images/MUG-BLUE.svg");
        page.Find("[data-testid=business-bubble-text]").TextContent.ShouldBe("Back in stock!");

        await TapAsync(page, "[data-testid=interactive-products-open]");
        page.Find("[data-testid=sheet-send-cart]").HasAttribute("disabled").ShouldBeTrue();
        await TapAsync(page, "[data-testid=sheet-more]");
        await TapAsync(page, "[data-testid=sheet-more]");
        page.Find("[data-testid=sheet-quantity]").TextContent.ShouldBe("2");
        page.Find("[data-testid=sheet-cart-summary]").TextContent.ShouldBe("2 item(s) · 25.00 USD");
        await TapAsync(page, "[data-testid=sheet-send-cart]");

        var order = LastCustomerMessage();
        order.Type.ShouldBe("order");
        order.Message["order"]!.ToJsonString().ShouldBe(
            $$$"""{"catalog_id":"{{{SandboxCatalog.CatalogId}}}","product_items":[{"product_retailer_id":"MUG-BLUE","quantity":2,"item_price":12.5,"currency":"USD"}]}""");
        order.Message["context"].ShouldBeNull();
        page.FindAll("[data-testid=phone-sheet]").ShouldBeEmpty();
        page.FindAll("[data-testid=phone-cart]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Interactive_ProductList_CardsAndSections_CartKeptWhenTheSheetClosesAndSentWithANote()
    {
        CustomerWrites();
        BusinessSends($$$"""
            {"type":"product_list","header":{"type":"text","text":"Autumn picks"},"body":{"text":"Tap to browse"},"footer":{"text":"Prices in USD"},
             "action":{"catalog_id":"{{{SandboxCatalog.CatalogId}}}","sections":[
               {"title":"Kitchen","product_items":[{"product_retailer_id":"MUG-BLUE"},{"product_retailer_id":"BOTTLE-STEEL"}]},
               {"title":"Wear","product_items":[{"product_retailer_id":"CAP-RED"},{"product_retailer_id":"TEE-BLACK-M"}]}]}}
            """);
        var page = RenderPage();

        page.FindAll("[data-testid=interactive-products] [data-testid=product-card]").Select(c => c.GetAttribute("data-retailer-id"))
            .ShouldBe(["MUG-BLUE", "BOTTLE-STEEL", "CAP-RED", "TEE-BLACK-M"]);
        page.Find("[data-testid=interactive-header]").TextContent.ShouldBe("Autumn picks");
        page.Find("[data-testid=interactive-products-open]").TextContent.ShouldBe("🛍 View items");

        await TapAsync(page, "[data-testid=interactive-products-open]");
        page.FindAll("[data-testid=sheet-section]").Select(s => s.TextContent).ShouldBe(["Kitchen", "Wear"]);
        var bottle = page.Find("[data-testid=sheet-product][data-retailer-id=BOTTLE-STEEL]");
        bottle.QuerySelector("[data-testid=sheet-availability]")!.TextContent.ShouldBe("out of stock");
        bottle.QuerySelector("[data-testid=sheet-more]")!.HasAttribute("disabled").ShouldBeTrue();
        await TapAsync(page, "[data-testid=sheet-product][data-retailer-id=CAP-RED] [data-testid=sheet-more]");
        await TapAsync(page, "[data-testid=sheet-product][data-retailer-id=TEE-BLACK-M] [data-testid=sheet-more]");
        await TapAsync(page, "[data-testid=sheet-close]");

        page.Find("[data-testid=phone-cart]").TextContent.ShouldContain("2 item(s) in your cart");
        await TapAsync(page, "[data-testid=phone-cart-open]");
        page.Find("[data-testid=sheet-cart-summary]").TextContent.ShouldBe("2 item(s) · 34.90 USD");
        await page.InvokeAsync(() => page.Find("[data-testid=sheet-cart-note] input, input[data-testid=sheet-cart-note]").ChangeAsync("Please gift-wrap"));
        await TapAsync(page, "[data-testid=sheet-send-cart]");

        var order = LastCustomerMessage();
        order.Message["order"]!.ToJsonString().ShouldBe($$$"""
            {"catalog_id":"{{{SandboxCatalog.CatalogId}}}","text":"Please gift-wrap","product_items":[{"product_retailer_id":"CAP-RED","quantity":1,"item_price":15,"currency":"USD"},{"product_retailer_id":"TEE-BLACK-M","quantity":1,"item_price":19.9,"currency":"USD"}]}
            """);
        page.WaitForAssertion(() => page.FindAll("[data-testid=bubble-text]").Last().TextContent.ShouldBe("🛒 Order of 2 item(s)"));
    }

    [Fact]
    public void Interactive_FailedOutsideTheWindow_NothingOnItCanBeTapped()
    {
        var page = RenderPage();

        BusinessSends("""{"type":"button","body":{"text":"Still there?"},"action":{"buttons":[{"type":"reply","reply":{"id":"yes","title":"Yes"}}]}}""");

        page.WaitForAssertion(() => page.Find("[data-testid=business-ticks]").TextContent.ShouldBe("⚠ failed"), TimeSpan.FromSeconds(5));
        page.Find("[data-testid=interactive-reply]").HasAttribute("disabled").ShouldBeTrue();
        _customers.Conversation(_state.PhoneNumbers[0].Id, SandboxCustomers.DefaultWaId).ShouldBeEmpty();
    }

    private void CustomerWrites() =>
        _customers.Send(SandboxCustomers.DefaultWaId, new JsonObject
        {
            ["phone_number_id"] = _state.PhoneNumbers[0].Id,
            ["type"] = "text",
            ["text"] = new JsonObject { ["body"] = "Hello" },
        }).Succeeded.ShouldBeTrue();

    /// <summary>The business sends <paramref name="interactive"/> to the default customer, as the Graph endpoint would after its checks.</summary>
    private SandboxBusinessMessage BusinessSends(string interactive) =>
        _outbox.Accept(
            _state.PhoneNumbers[0].Id,
            new SandboxOutboundRequest("interactive", JsonNode.Parse(interactive)!, SandboxCustomers.DefaultWaId, SandboxCustomers.DefaultWaId, null, null));

    private SandboxCustomerMessage LastCustomerMessage() =>
        _customers.Conversation(_state.PhoneNumbers[0].Id, SandboxCustomers.DefaultWaId)[^1];

    /// <summary>
    /// Finds and clicks in one go on the page's renderer: the Sandbox's status timers re-render the page meanwhile, and a
    /// button found before such a render is no longer the one in the tree.
    /// </summary>
    private static Task TapAsync(IRenderedComponent<SandboxPhonePage> page, string selector) =>
        page.InvokeAsync(() => page.Find(selector).ClickAsync(new MouseEventArgs()));
}
