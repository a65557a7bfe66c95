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

    public SandboxPhonePageTests()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new SandboxOptions
        {
            AccessToken = "EAASandboxPhoneTestToken00000000000",
            AppSecret = "phone0test0secret000000000",
        });
        var paths = new DataPaths(_dataDirectory);
        _state = new SandboxState(options, paths, TimeProvider.System, NullLogger<SandboxState>.Instance);
        var media = new SandboxMediaStore(options, paths, TimeProvider.System, NullLogger<SandboxMediaStore>.Instance);
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
}
