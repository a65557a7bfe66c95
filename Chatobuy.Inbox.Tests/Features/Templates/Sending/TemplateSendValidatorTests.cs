using Chatobuy.Inbox.Features.Outbound;
using Chatobuy.Inbox.Features.Templates.Sending;

namespace Chatobuy.Inbox.Tests.Features.Templates.Sending;

public sealed class TemplateSendValidatorTests
{
    private readonly TemplateSendValidator _validator = new();

    [Fact]
    public void Validate_EverythingFilled_NoProblems()
    {
        var model = TemplateSendModel.For(TemplateSamples.OrderUpdate);
        model.Fill(TemplateFieldPart.Body, ["Mark", "#10482", "Friday"]);
        model.Fill(TemplateFieldPart.UrlButton, ["10482"]);

        _validator.Problems(model).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_EmptyVariableAndMissingSuffix_SaysWhichField()
    {
        var model = TemplateSendModel.For(TemplateSamples.OrderUpdate);
        model.Fill(TemplateFieldPart.Body, ["Mark", "", "Friday"]);

        var problems = _validator.Problems(model);

        problems.Keys.ShouldBe(["body-2", "button-0"], ignoreOrder: true);
        problems["body-2"].ShouldBe("Fill in {{2}}.");
        problems["button-0"].ShouldBe("Fill in the end of the link.");
    }

    [Theory]
    [InlineData("two\nlines", "new lines or tabs")]
    [InlineData("tab\there", "new lines or tabs")]
    [InlineData("too      spaced", "more than four spaces")]
    public void Validate_ValueBreakingWhatsAppsFormatting_Explains(string value, string expected)
    {
        var model = TemplateSendModel.For(TemplateSamples.FollowUp);
        model.HeaderMediaLink = "https://example.com/a.jpg";
        model.Fill(TemplateFieldPart.Body, [value]);

        _validator.Problems(model)["body-1"].ShouldContain(expected);
    }

    [Fact]
    public void Validate_BodyTooLongOnceFilled_SaysHowLong()
    {
        var model = TemplateSendModel.For(TemplateSamples.FollowUp);
        model.HeaderMediaLink = "https://example.com/a.jpg";
        model.Fill(TemplateFieldPart.Body, [new string('x', 1000)]);

        _validator.Problems(model)[TemplateSendValidator.BodyKey].ShouldStartWith("The message can be at most 1024 characters once filled in");
    }

    [Fact]
    public void Validate_ImageHeader_NeedsAnHttpsLinkOrAnImageFile()
    {
        var model = TemplateSendModel.For(TemplateSamples.FollowUp);
        model.Fill(TemplateFieldPart.Body, ["Mark"]);
        _validator.Problems(model)[TemplateSendValidator.HeaderMediaKey].ShouldBe("This template's header needs an image: upload one or give an https link.");

        model.HeaderMediaLink = "http://example.com/a.jpg";
        _validator.Problems(model)[TemplateSendValidator.HeaderMediaKey].ShouldStartWith("Give an https link");

        model.HeaderMediaLink = null;
        model.HeaderFile = new OutboundMedia("document", "a.pdf", "application/pdf", [1], null);
        _validator.Problems(model)[TemplateSendValidator.HeaderMediaKey].ShouldBe("This template's header needs an image.");

        model.HeaderFile = new OutboundMedia("image", "a.png", "image/png", [1], null);
        _validator.Problems(model).ShouldBeEmpty();
    }
}
