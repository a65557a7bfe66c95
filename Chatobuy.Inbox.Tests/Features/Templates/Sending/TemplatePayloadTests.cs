using System.Text.Json.Nodes;
using Chatobuy.Inbox.Features.Outbound;
using Chatobuy.Inbox.Features.Templates.Sending;

namespace Chatobuy.Inbox.Tests.Features.Templates.Sending;

public sealed class TemplatePayloadTests
{
    [Fact]
    public void Build_PositionalWithUrlButton_BodyParametersInOrderAndTheLinkSuffix()
    {
        var model = TemplateSendModel.For(TemplateSamples.OrderUpdate);
        model.Fill(TemplateFieldPart.Body, ["Mark", "#10482", "Friday"]);
        model.Fill(TemplateFieldPart.UrlButton, ["10482"]);

        var built = TemplatePayload.Build(model);

        built.Template.ToJsonString().ShouldBe(
            """{"name":"order_update","language":{"code":"en_US","policy":"deterministic"},"components":[{"type":"body","parameters":[{"type":"text","text":"Mark"},{"type":"text","text":"#10482"},{"type":"text","text":"Friday"}]},{"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"10482"}]}]}""");
        built.Text.ShouldBe("Hi Mark, your order #10482 is on its way and should arrive by Friday.");
        built.Display["footer"]!.GetValue<string>().ShouldBe("Reply STOP to opt out");
        var buttons = built.Display["buttons"]!.AsArray();
        buttons[0]!["url"]!.GetValue<string>().ShouldBe("https://example.com/track/10482");
        buttons[1]!["type"]!.GetValue<string>().ShouldBe("QUICK_REPLY");
    }

    [Fact]
    public void Build_Named_EachParameterCarriesItsNameAndTheHeaderTextIsFilled()
    {
        var model = TemplateSendModel.For(TemplateSamples.Named);
        model.Fields.Select(f => f.Key).ShouldBe(["header-order_id", "body-first_name", "body-day"]);
        model.Fill(TemplateFieldPart.Header, ["A-7"]);
        model.Fill(TemplateFieldPart.Body, ["Ana", "Monday"]);

        var built = TemplatePayload.Build(model);

        var components = built.Template["components"]!.AsArray();
        components[0]!.ToJsonString().ShouldBe("""{"type":"header","parameters":[{"type":"text","parameter_name":"order_id","text":"A-7"}]}""");
        components[1]!.ToJsonString().ShouldBe(
            """{"type":"body","parameters":[{"type":"text","parameter_name":"first_name","text":"Ana"},{"type":"text","parameter_name":"day","text":"Monday"}]}""");
        built.Display["header"]!.GetValue<string>().ShouldBe("Order A-7");
        built.Text.ShouldBe("Hi Ana, it arrives on Monday.");
    }

    [Fact]
    public void Build_ImageHeaderByLink_SendsTheLink()
    {
        var model = TemplateSendModel.For(TemplateSamples.FollowUp);
        model.HeaderMediaLink = "https://example.com/hello.jpg";
        model.Fill(TemplateFieldPart.Body, ["Mark"]);

        var built = TemplatePayload.Build(model);

        built.Template["components"]![0]!.ToJsonString().ShouldBe(
            """{"type":"header","parameters":[{"type":"image","image":{"link":"https://example.com/hello.jpg"}}]}""");
        built.Display["header_format"]!.GetValue<string>().ShouldBe("IMAGE");
        built.Display["header_link"]!.GetValue<string>().ShouldBe("https://example.com/hello.jpg");
        built.HeaderFile.ShouldBeNull();
    }

    [Fact]
    public void Build_ImageHeaderUploaded_LeavesTheMediaIdToTheSenderAndKeepsTheFile()
    {
        var model = TemplateSendModel.For(TemplateSamples.FollowUp);
        model.HeaderFile = new OutboundMedia("image", "hello.png", "image/png", [1, 2, 3], null);
        model.Fill(TemplateFieldPart.Body, ["Mark"]);

        var built = TemplatePayload.Build(model);
        built.HeaderFile.ShouldBe(model.HeaderFile);
        var template = (JsonObject)built.Template.DeepClone();
        OutboundTemplate.SetHeaderMediaId(template, "media-1");

        template["components"]![0]!.ToJsonString().ShouldBe("""{"type":"header","parameters":[{"type":"image","image":{"id":"media-1"}}]}""");
    }

    [Fact]
    public void Build_NoVariables_HasNoComponentsAndShowsHeaderAndFooter()
    {
        var built = TemplatePayload.Build(TemplateSendModel.For(TemplateSamples.HelloWorld));

        built.Template.ToJsonString().ShouldBe("""{"name":"hello_world","language":{"code":"en_US","policy":"deterministic"}}""");
        built.Display["header"]!.GetValue<string>().ShouldBe("Hello World");
        built.Display["footer"]!.GetValue<string>().ShouldBe("WhatsApp Business Platform sample message");
    }
}
