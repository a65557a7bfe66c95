using Chatobuy.Inbox.CloudApi.Messages;
using Chatobuy.Inbox.Features.Outbound;

namespace Chatobuy.Inbox.Tests.Features.Outbound;

public sealed class TemplateDisplayTests
{
    [Fact]
    public void PayloadOf_TheTemplateObjectWithWhatItShowedAsRendered()
    {
        var template = new TemplateObject("order_update", new TemplateLanguage("en_US"), [TemplateComponent.Body([TemplateParameter.ForText("Mark")])]);
        var display = new TemplateDisplay("Hi Mark", "TEXT", "Your order", Footer: "Reply STOP to opt out", Buttons: [new TemplateDisplayButton("URL", "Track order", "https://example.com/track/1")]);

        TemplateDisplay.PayloadOf(template, display).ShouldBe(
            """{"name":"order_update","language":{"code":"en_US","policy":"deterministic"},"components":[{"type":"body","parameters":[{"type":"text","text":"Mark"}]}],"rendered":{"body":"Hi Mark","header_format":"TEXT","header":"Your order","footer":"Reply STOP to opt out","buttons":[{"type":"URL","text":"Track order","url":"https://example.com/track/1"}]}}""");
    }

    [Fact]
    public void Of_AMessageStoredBeforeTheRecords_ShowsWhatItShowedThen()
    {
        const string stored = """
            {"name":"order_update","language":{"code":"en_US","policy":"deterministic"},"components":[{"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"1"}]}],
             "rendered":{"body":"Hi Mark","header_format":"IMAGE","header_link":"https://example.com/a.jpg","buttons":[{"type":"PHONE_NUMBER","text":"Call us","phone_number":"+15550100"}]}}
            """;

        var display = TemplateDisplay.Of(stored, "Hi Mark");

        display.Body.ShouldBe("Hi Mark");
        display.HeaderFormat.ShouldBe("IMAGE");
        display.HeaderLink.ShouldBe("https://example.com/a.jpg");
        display.Buttons.ShouldHaveSingleItem().ShouldBe(new TemplateDisplayButton("PHONE_NUMBER", "Call us", null, "+15550100"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("""{"name":"hello_world"}""")]
    [InlineData("not json")]
    public void Of_NothingRendered_ShowsTheText(string? stored)
    {
        TemplateDisplay.Of(stored, "Welcome!").ShouldBe(new TemplateDisplay("Welcome!"));
    }
}
