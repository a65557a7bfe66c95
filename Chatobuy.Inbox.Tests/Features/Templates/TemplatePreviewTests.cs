using Bunit;
using Chatobuy.Inbox.Features.Templates;
using Chatobuy.Inbox.Tests.Support;

namespace Chatobuy.Inbox.Tests.Features.Templates;

/// <summary>The WhatsApp-style preview: header, body, footer and buttons as written, examples in place of variables.</summary>
public sealed class TemplatePreviewTests : ComponentTestContext
{
    private const string Components = """
        [{"type":"HEADER","format":"TEXT","text":"Order {{1}}"},
         {"type":"BODY","text":"Hi {{1}}, your order is *on its way* and arrives {{2}}."},
         {"type":"FOOTER","text":"Reply STOP to opt out"},
         {"type":"BUTTONS","buttons":[{"type":"URL","text":"Track order","url":"https://example.com/t/{{1}}"},{"type":"QUICK_REPLY","text":"Talk to us"},{"type":"PHONE_NUMBER","text":"Call us","phone_number":"+15550100"}]}]
        """;

    [Fact]
    public void Template_RendersHeaderBodyFooterAndButtons()
    {
        var preview = Render<TemplatePreview>(p => p.Add(x => x.Content, TemplateContent.Parse(Components)));

        preview.Find("[data-testid=preview-header]").TextContent.ShouldBe("Order {{1}}");
        preview.Find("[data-testid=preview-body]").TextContent.ShouldBe("Hi {{1}}, your order is on its way and arrives {{2}}.");
        preview.Find("[data-testid=preview-body] strong").TextContent.ShouldBe("on its way");
        preview.Find("[data-testid=preview-footer]").TextContent.ShouldBe("Reply STOP to opt out");
        preview.FindAll("[data-testid=preview-button]").Select(b => b.TextContent.Trim()).ShouldBe(["Track order", "Talk to us", "Call us"]);
    }

    [Fact]
    public void Values_ReplaceTheirVariables_HeaderSeparately()
    {
        var preview = Render<TemplatePreview>(p => p
            .Add(x => x.Content, TemplateContent.Parse(Components))
            .Add(x => x.Values, new Dictionary<string, string> { ["1"] = "Mark", ["2"] = "Friday" })
            .Add(x => x.HeaderValues, new Dictionary<string, string> { ["1"] = "#1042" }));

        preview.Find("[data-testid=preview-header]").TextContent.ShouldBe("Order #1042");
        preview.Find("[data-testid=preview-body]").TextContent.ShouldBe("Hi Mark, your order is on its way and arrives Friday.");
    }

    [Fact]
    public void Body_WithMarkup_IsShownAsTextNotHtml()
    {
        var preview = Render<TemplatePreview>(p => p.Add(x => x.Content, TemplateContent.Parse("""[{"type":"BODY","text":"<b>hi</b> there"}]""")));

        preview.Find("[data-testid=preview-body]").TextContent.ShouldBe("<b>hi</b> there");
        preview.FindAll("[data-testid=preview-body] b").ShouldBeEmpty();
    }

    [Fact]
    public void MediaHeader_ShowsTheKindAndFileName()
    {
        var preview = Render<TemplatePreview>(p => p
            .Add(x => x.Content, TemplateContent.Parse("""[{"type":"HEADER","format":"IMAGE"},{"type":"BODY","text":"New arrivals are in."}]"""))
            .Add(x => x.HeaderMediaName, "shoes.jpg"));

        preview.Find("[data-testid=preview-header]").TextContent.ShouldContain("shoes.jpg");
    }
}
