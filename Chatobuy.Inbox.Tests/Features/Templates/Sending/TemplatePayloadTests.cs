using System.Text.Json;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.CloudApi.Messages;
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

        Wire(built.Message).ShouldBe(
            """{"name":"order_update","language":{"code":"en_US","policy":"deterministic"},"components":[{"type":"body","parameters":[{"type":"text","text":"Mark"},{"type":"text","text":"#10482"},{"type":"text","text":"Friday"}]},{"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"10482"}]}]}""");
        built.Text.ShouldBe("Hi Mark, your order #10482 is on its way and should arrive by Friday.");
        built.Display.Footer.ShouldBe("Reply STOP to opt out");
        built.Display.Buttons![0].Url.ShouldBe("https://example.com/track/10482");
        built.Display.Buttons[1].Type.ShouldBe("QUICK_REPLY");
    }

    [Fact]
    public void Build_Named_EachParameterCarriesItsNameAndTheHeaderTextIsFilled()
    {
        var model = TemplateSendModel.For(TemplateSamples.Named);
        model.Fields.Select(f => f.Key).ShouldBe(["header-order_id", "body-first_name", "body-day"]);
        model.Fill(TemplateFieldPart.Header, ["A-7"]);
        model.Fill(TemplateFieldPart.Body, ["Ana", "Monday"]);

        var built = TemplatePayload.Build(model);

        var components = built.Message.Components!;
        Wire(components[0]).ShouldBe("""{"type":"header","parameters":[{"type":"text","parameter_name":"order_id","text":"A-7"}]}""");
        Wire(components[1]).ShouldBe(
            """{"type":"body","parameters":[{"type":"text","parameter_name":"first_name","text":"Ana"},{"type":"text","parameter_name":"day","text":"Monday"}]}""");
        built.Display.Header.ShouldBe("Order A-7");
        built.Text.ShouldBe("Hi Ana, it arrives on Monday.");
    }

    [Fact]
    public void Build_ImageHeaderByLink_SendsTheLink()
    {
        var model = TemplateSendModel.For(TemplateSamples.FollowUp);
        model.HeaderMediaLink = "https://example.com/hello.jpg";
        model.Fill(TemplateFieldPart.Body, ["Mark"]);

        var built = TemplatePayload.Build(model);

        Wire(built.Message.Components![0]).ShouldBe(
            """{"type":"header","parameters":[{"type":"image","image":{"link":"https://example.com/hello.jpg"}}]}""");
        built.Display.HeaderFormat.ShouldBe("IMAGE");
        built.Display.HeaderLink.ShouldBe("https://example.com/hello.jpg");
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
        Wire(built.Message.Components![0]).ShouldBe("""{"type":"header","parameters":[{"type":"image","image":{}}]}""");

        var sent = built.Message.WithHeaderMediaId("media-1");

        Wire(sent.Components![0]).ShouldBe("""{"type":"header","parameters":[{"type":"image","image":{"id":"media-1"}}]}""");
    }

    [Fact]
    public void Build_NoVariables_HasNoComponentsAndShowsHeaderAndFooter()
    {
        var built = TemplatePayload.Build(TemplateSendModel.For(TemplateSamples.HelloWorld));

        Wire(built.Message).ShouldBe("""{"name":"hello_world","language":{"code":"en_US","policy":"deterministic"}}""");
        built.Display.Header.ShouldBe("Hello World");
        built.Display.Footer.ShouldBe("WhatsApp Business Platform sample message");
    }

    private static string Wire<T>(T value) => JsonSerializer.Serialize(value, GraphJson.Options);
}
