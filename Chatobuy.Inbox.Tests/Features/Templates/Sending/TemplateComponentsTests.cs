using Bunit;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Features.Outbound;
using Chatobuy.Inbox.Features.Templates;
using Chatobuy.Inbox.Features.Templates.Sending;
using Chatobuy.Inbox.Tests.Features.Outbound;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chatobuy.Inbox.Tests.Features.Templates.Sending;

public sealed class TemplateComponentsTests : ComponentTestContext
{
    public TemplateComponentsTests() => Services.AddSingleton<TemplateSendValidator>();

    [Fact]
    public void Picker_Search_FiltersByNameOrTextAndPreviewsTheMessage()
    {
        var picker = Render<TemplatePicker>(p => p.Add(c => c.Templates, [TemplateSamples.OrderUpdate, TemplateSamples.FollowUp, TemplateSamples.HelloWorld]));
        picker.FindAll("[data-testid=template-option]").Count.ShouldBe(3);

        picker.Find("input[data-testid=template-search]").Input("on its way");

        var option = picker.Find("[data-testid=template-option]");
        picker.FindAll("[data-testid=template-option]").Count.ShouldBe(1);
        option.GetAttribute("data-name").ShouldBe("order_update");
        option.QuerySelector("[data-testid=template-language]")!.TextContent.ShouldBe("en_US");
        option.QuerySelector("[data-testid=template-category]")!.TextContent.ShouldBe("UTILITY");
        option.QuerySelector("[data-testid=template-body]")!.TextContent.ShouldBe("Hi {{1}}, your order {{2}} is on its way and should arrive by {{3}}.");
        option.QuerySelector("[data-testid=template-footer]")!.TextContent.ShouldBe("Reply STOP to opt out");

        picker.Find("input[data-testid=template-search]").Input("hello");
        picker.Find("[data-testid=template-option]").GetAttribute("data-name").ShouldBe("hello_world");
        picker.Find("input[data-testid=template-search]").Input("nothing like this");
        picker.Find("[data-testid=no-match]").TextContent.ShouldContain("No template matches");
    }

    [Fact]
    public void SendForm_OrderUpdate_AFieldPerVariableAndThePreviewFollowsTheValues()
    {
        OutboundTemplate? sent = null;
        var form = Render<TemplateSendForm>(p => p.Add(c => c.Template, TemplateSamples.OrderUpdate).Add(c => c.OnSend, t => sent = t));

        form.FindAll("input[data-testid^=field-]").Select(f => f.GetAttribute("data-testid")).ShouldBe(["field-body-1", "field-body-2", "field-body-3", "field-button-0"]);
        form.Find("input[data-testid=field-body-1]").Input("Mark");
        form.Find("[data-testid=template-body]").TextContent.ShouldBe("Hi Mark, your order {{2}} is on its way and should arrive by {{3}}.");

        form.Find("[data-testid=template-send]").Click();

        sent.ShouldBeNull();
        Around(form, "field-body-2").ShouldContain("Fill in {{2}}.");
        Around(form, "field-button-0").ShouldContain("Fill in the end of the link.");

        form.Find("input[data-testid=field-body-2]").Input("#10482");
        form.Find("input[data-testid=field-body-3]").Input("Friday");
        form.Find("input[data-testid=field-button-0]").Input("10482");
        form.Find("[data-testid=template-send]").Click();

        sent.ShouldNotBeNull().Text.ShouldBe("Hi Mark, your order #10482 is on its way and should arrive by Friday.");
        form.FindAll("[data-testid=template-button]").Select(b => b.TextContent.Trim()).ShouldBe(["Track order", "Talk to us"]);
    }

    [Fact]
    public void Chooser_CorrectlyFilledForm_ShowsNoErrorUntilTheCallerReportsOne()
    {
        var chooser = Render<TemplateChooser>(p => p.Add(c => c.Templates, [TemplateSamples.OrderUpdate]));
        chooser.Find("[data-testid=template-choose]").Click();

        foreach (var (field, value) in new[] { ("body-1", "Mark"), ("body-2", "#10482"), ("body-3", "Friday"), ("button-0", "10482") })
        {
            chooser.Find($"input[data-testid=field-{field}]").Input(value);
        }

        chooser.FindAll("[data-testid=template-send-error]").ShouldBeEmpty();
        chooser.FindAll(".mud-input-error").ShouldBeEmpty();
        chooser.Find("[data-testid=template-form]").TextContent.ShouldNotContain("Error");

        chooser.Render(p => p.Add(c => c.Error, "Meta refused the template."));

        chooser.Find("[data-testid=template-send-error]").TextContent.ShouldBe("Meta refused the template.");
    }

    [Fact]
    public void SendForm_ImageHeader_AsksForAFileOrAnHttpsLink()
    {
        var form = Render<TemplateSendForm>(p => p.Add(c => c.Template, TemplateSamples.FollowUp));
        form.Find("[data-testid=header-upload]").ShouldNotBeNull();

        form.Find("input[data-testid=header-link]").Input("ftp://example.com/a.jpg");

        Around(form, "header-link").ShouldContain("Give an https link");
        form.Find("input[data-testid=header-link]").Input("https://example.com/a.jpg");
        form.Find("[data-testid=template-header-media]").TextContent.ShouldContain("https://example.com/a.jpg");
    }

    [Fact]
    public void SendForm_HeaderFileChosen_IsListedOnce()
    {
        var form = Render<TemplateSendForm>(p => p.Add(c => c.Template, TemplateSamples.FollowUp));

        form.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>()
            .UploadFiles(InputFileContent.CreateFromBinary([0xFF, 0xD8, 0xFF, 0xE0], "summer.jpg", contentType: "image/jpeg"));

        form.WaitForAssertion(() => form.Find("[data-testid=header-file]").TextContent.ShouldContain("summer.jpg"));
        System.Text.RegularExpressions.Regex.Count(form.Markup, "summer.jpg").ShouldBe(1);
    }

    [Fact]
    public void Bubble_Template_ShowsHeaderBodyFooterAndButtons()
    {
        var bubble = Render<MessageBubble>(p => p.Add(b => b.Message, TemplateMessage()));

        bubble.Find("[data-testid=bubble]").GetAttribute("data-type").ShouldBe("template");
        bubble.Find("[data-testid=template-header]").TextContent.ShouldBe("Your order");
        bubble.Find("[data-testid=template-body]").TextContent.ShouldBe("Hi Mark, your order #10482 is on its way.");
        bubble.Find("[data-testid=template-footer]").TextContent.ShouldBe("Reply STOP to opt out");
        var buttons = bubble.FindAll("[data-testid=template-button]");
        buttons.Select(b => b.TextContent.Trim()).ShouldBe(["Track order", "Talk to us"]);
        buttons[0].GetAttribute("href").ShouldBe("https://example.com/track/10482");
    }

    [Fact]
    public void Bubble_TemplateWithImageHeaderNotDownloaded_ShowsAPlaceholderNotABrokenImage()
    {
        var message = TemplateMessage();
        message.PayloadJson = """
            {"name":"follow_up","language":{"code":"en_US"},"rendered":{"header_format":"IMAGE","body":"Hi Mark, we have not heard from you in a while."}}
            """;

        var bubble = Render<MessageBubble>(p => p.Add(b => b.Message, message));

        bubble.FindAll("img").ShouldBeEmpty();
        bubble.Find("[data-testid=template-header-media]").TextContent.ShouldContain("Image");
    }

    [Fact]
    public void Bubble_TemplateFailed_ShowsThePlainReasonWithTheCode()
    {
        var message = TemplateMessage();
        var error = Chatobuy.Inbox.CloudApi.GraphErrorExplainer.Explain(132015, null, "OAuthException", "(#132015) Template is Paused", null, 400, Chatobuy.Inbox.CloudApi.GraphOperation.SendMessage);
        message.Status = MessageStatus.Failed;
        message.ErrorCode = error.Code;
        message.ErrorTitle = error.Explanation;
        message.ErrorDetails = error.ForUser;

        var failure = Render<MessageBubble>(p => p.Add(b => b.Message, message)).Find("[data-testid=failure]").TextContent;

        failure.ShouldContain("Meta has paused this template because of its quality");
        failure.ShouldContain("Send a different template");
        failure.ShouldContain("(Meta error 132015)");
    }

    [Fact]
    public async Task Composer_WindowClosed_LeadsToThePickerAndSendsTheTemplate()
    {
        await using var harness = await OutboundHarness.StartAsync(TimeProvider.System);
        var conversation = await harness.AddConversationAsync("5511911110000", DateTimeOffset.UtcNow.AddHours(-30));
        await using (var db = await harness.DbAsync())
        {
            db.MessageTemplates.Add(new MessageTemplate
            {
                WabaId = harness.Channel.WabaId, MetaId = "1", Name = "hello_world", Language = "en_US", Category = "UTILITY", Status = "APPROVED",
                ComponentsJson = """[{"type":"HEADER","format":"TEXT","text":"Hello World"},{"type":"BODY","text":"Welcome and congratulations!!"}]""",
            });
            await db.SaveChangesAsync();
        }

        Services.AddSingleton(harness.Service);
        Services.AddSingleton(new TemplateCatalog(new HarnessDbFactory(harness)));
        Services.AddSingleton(harness.Interactive);
        Services.AddSingleton(harness.QuickReplies);
        Services.AddSingleton(new ProductNames(null!, null!, null!, TimeProvider.System, NullLogger<ProductNames>.Instance));
        RenderProviders();
        long? sentId = null;
        var composer = Render<Composer>(p => p.Add(c => c.ConversationId, conversation).Add(c => c.WindowOpen, false).Add(c => c.OnSent, id => sentId = id));

        composer.Find("[data-testid=window-closed-explained]").TextContent.ShouldContain("only allows an approved template");
        composer.FindAll("[data-testid=composer-input]").ShouldBeEmpty();
        await composer.Find("[data-testid=open-templates]").ClickAsync(new());
        composer.WaitForElement("[data-testid=template-option][data-name=hello_world]");
        await composer.Find("[data-testid=template-choose]").ClickAsync(new());
        composer.FindAll("[data-testid=template-send-error]").ShouldBeEmpty();
        await composer.Find("[data-testid=template-send]").ClickAsync(new());

        sentId.ShouldNotBeNull();
        var message = await harness.MessageAsync(sentId.Value);
        message.Type.ShouldBe("template");
        message.Text.ShouldBe("Welcome and congratulations!!");
        composer.FindAll("[data-testid=template-picker]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Composer_BusinessStartedConversation_ExplainsTheCustomerHasNotWrittenYet()
    {
        await using var harness = await OutboundHarness.StartAsync(TimeProvider.System);
        var conversation = await harness.AddConversationAsync("5511911110001", null);
        Services.AddSingleton(harness.Service);
        Services.AddSingleton(new TemplateCatalog(new HarnessDbFactory(harness)));
        Services.AddSingleton(harness.Interactive);
        Services.AddSingleton(harness.QuickReplies);
        Services.AddSingleton(new ProductNames(null!, null!, null!, TimeProvider.System, NullLogger<ProductNames>.Instance));
        RenderProviders();

        var composer = Render<Composer>(p => p.Add(c => c.ConversationId, conversation).Add(c => c.WindowOpen, false).Add(c => c.CustomerHasWritten, false));

        var explained = composer.Find("[data-testid=window-closed-explained]").TextContent;
        explained.ShouldContain("the customer has not written yet");
        explained.ShouldNotContain("24 hours have passed");
        composer.Find("[data-testid=open-templates]").ShouldNotBeNull();
    }

    /// <summary>The text around a MudBlazor input (its label and the validation message under it).</summary>
    private static string Around(IRenderedComponent<TemplateSendForm> form, string testId) =>
        form.Find($"input[data-testid={testId}]").Closest(".mud-input-control")!.TextContent;

    private static Message TemplateMessage() => new()
    {
        Id = 9,
        WaMessageId = "wamid.t",
        Direction = MessageDirection.Outbound,
        Status = MessageStatus.Delivered,
        Type = "template",
        Text = "Hi Mark, your order #10482 is on its way.",
        Timestamp = DateTimeOffset.UtcNow,
        PayloadJson = """
            {"name":"order_update","language":{"code":"en_US"},"rendered":{"header_format":"TEXT","header":"Your order","body":"Hi Mark, your order #10482 is on its way.",
             "footer":"Reply STOP to opt out","buttons":[{"type":"URL","text":"Track order","url":"https://example.com/track/10482"},{"type":"QUICK_REPLY","text":"Talk to us"}]}}
            """,
    };

    private sealed class HarnessDbFactory(OutboundHarness harness) : IDbContextFactory<InboxDbContext>
    {
        public InboxDbContext CreateDbContext() => harness.DbAsync().GetAwaiter().GetResult();
    }
}
