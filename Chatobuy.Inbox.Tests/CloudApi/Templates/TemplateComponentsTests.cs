using Chatobuy.Inbox.CloudApi.Templates;

namespace Chatobuy.Inbox.Tests.CloudApi.Templates;

/// <summary>Meta's <c>components</c> array as stored (the GET format of reference §5.1), read and written back.</summary>
public sealed class TemplateComponentsTests
{
    [Fact]
    public void Parse_MetasListedTemplate_ReadsEveryComponent()
    {
        var components = TemplateComponents.Parse("""
            [{"type":"HEADER","format":"TEXT","text":"Fall Sale"},
             {"type":"BODY","text":"Hi {{1}}, our Fall Sale is on! Use promo code {{2}}.","example":{"body_text":[["Mark","FALL25"]]}},
             {"type":"FOOTER","text":"Not interested in any of our sales? Tap Stop Promotions"},
             {"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Stop promotions"},
               {"type":"URL","text":"Shop","url":"https://example.com/{{1}}","example":["https://example.com/fall"]},
               {"type":"COPY_CODE","example":"FALL25"}]}]
            """);

        components.Select(c => c.Type).ShouldBe(["HEADER", "BODY", "FOOTER", "BUTTONS"]);
        components[0].Format.ShouldBe("TEXT");
        components[0].Text.ShouldBe("Fall Sale");
        components[1].Example!.BodyText.ShouldNotBeNull().ShouldHaveSingleItem().ShouldBe(["Mark", "FALL25"]);
        var buttons = components[3].Buttons.ShouldNotBeNull();
        buttons.Select(b => b.Type).ShouldBe(["QUICK_REPLY", "URL", "COPY_CODE"]);
        buttons[1].Example!.First.ShouldBe("https://example.com/fall");
        buttons[2].Example!.First.ShouldBe("FALL25");
    }

    [Fact]
    public void Parse_KindsTheInboxDoesNotWrite_AreKeptWithoutFailingTheTemplate()
    {
        var components = TemplateComponents.Parse("""
            [{"type":"BODY","text":"Pick a date"},
             {"type":"CAROUSEL","cards":[{"components":[{"type":"HEADER","format":"IMAGE"}]}]},
             {"type":"BUTTONS","buttons":[{"type":"FLOW","text":"Book","flow_id":123456,"flow_action":"navigate","example":{"odd":true}}]}]
            """);

        components.Select(c => c.Type).ShouldBe(["BODY", "CAROUSEL", "BUTTONS"]);
        var flow = components[2].Buttons.ShouldNotBeNull().ShouldHaveSingleItem();
        flow.Text.ShouldBe("Book");
        flow.Example.ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"type":"BODY"}""")]
    public void Parse_NoArray_GivesNoComponents(string? json) => TemplateComponents.Parse(json).ShouldBeEmpty();

    [Fact]
    public void ToJson_ButtonExamples_AreAListForUrlAndOneStringForCopyCode() =>
        TemplateComponents.ToJson([TemplateComponent.ButtonsOf([
            TemplateComponentButton.Link("Shop", "https://example.com/{{1}}", "fall"),
            TemplateComponentButton.CopyCode("Copy", "FALL25"),
        ])]).ShouldBe("""[{"type":"BUTTONS","buttons":[{"type":"URL","text":"Shop","url":"https://example.com/{{1}}","example":["fall"]},{"type":"COPY_CODE","text":"Copy","example":"FALL25"}]}]""");
}
