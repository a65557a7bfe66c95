using Chatobuy.Inbox.CloudApi.Messages;
using Chatobuy.Inbox.Features.Outbound;

namespace Chatobuy.Inbox.Tests.Features.Outbound;

public sealed class SendRequestValidatorTests
{
    private static readonly OutboundTemplate Template = new(
        new TemplateObject("hello_world", new TemplateLanguage("en_US")), "Welcome!", new TemplateDisplay("Welcome!"));

    private static readonly InteractiveObject Buttons = new(
        InteractiveTypes.Button,
        new InteractiveAction { Buttons = [new InteractiveButton(new InteractiveReply("slot-am", "Morning")), new InteractiveButton(new InteractiveReply("slot-pm", "Afternoon"))] },
        new InteractiveText("Pick a delivery slot"));

    private static readonly OutboundMedia Png = new("image", "banner.png", "image/png", [1, 2, 3], null);

    private readonly SendRequestValidator _validator = new();

    public static TheoryData<SendRequest, string> Refused => new()
    {
        { new SendRequest(1, "", "Hi"), "clientMessageId must be 1 to 128 characters." },
        { new SendRequest(1, new string('c', 129), "Hi"), "clientMessageId must be 1 to 128 characters." },
        { new SendRequest(1, "c", "Hi", ReactionTargetWaMessageId: "wamid.a", ReactionEmoji: "👍", Template: Template), "Send a text, a reaction, a template, an interactive message, or one file at a time." },
        { new SendRequest(1, "c", null, Template: Template with { Message = new TemplateObject("", new TemplateLanguage("en_US")) }), "A template message needs the template's name and language." },
        { new SendRequest(1, "c", null, Template: Template with { Text = new string('t', 1025) }), "A template message can be at most 1024 characters once filled in; this one has 1025." },
        { new SendRequest(1, "c", null, Template: Template with { HeaderFile = new OutboundMedia("image", "a.gif", "image/gif", [1], null) }), "WhatsApp does not accept image/gif as an image. Allowed: JPEG or PNG, up to 5 MB." },
        { new SendRequest(1, "c", null, ReactionTargetWaMessageId: " ", ReactionEmoji: "👍"), "A reaction needs the message it reacts to and an emoji (an empty emoji removes the reaction)." },
        { new SendRequest(1, "c", null, ReactionTargetWaMessageId: "wamid.a"), "A reaction needs the message it reacts to and an emoji (an empty emoji removes the reaction)." },
        { new SendRequest(1, "c", null, ReactionTargetWaMessageId: "wamid.a", ReactionEmoji: new string('x', 17)), "A reaction is a single emoji." },
        { new SendRequest(1, "c", null, Media: new OutboundMedia("audio", "a.ogg", "audio/ogg", [1], "words")), "Audio cannot have a caption on WhatsApp." },
        { new SendRequest(1, "c", null, MediaLink: new OutboundMediaLink("sticker", "https://example.com/s.webp", null)), "mediaLink.type must be image, video, audio or document." },
        { new SendRequest(1, "c", null, MediaLink: new OutboundMediaLink("image", "ftp://example.com/a.jpg", null)), "mediaLink.link must be an absolute http(s) address." },
        { new SendRequest(1, "c", null, MediaLink: new OutboundMediaLink("image", "https://example.com/a.jpg", new string('c', 1025))), "A caption can be at most 1024 characters." },
        { new SendRequest(1, "c", null, Template: Template, Interactive: new OutboundInteractive(Buttons)), "Send a text, a reaction, a template, an interactive message, or one file at a time." },
        {
            new SendRequest(1, "c", null, Interactive: new OutboundInteractive(Buttons with { Action = new InteractiveAction { Buttons = [.. Enumerable.Range(1, 4).Select(i => new InteractiveButton(new InteractiveReply($"b{i}", $"Button {i}")))] } })),
            "Give 1 to 3 buttons."
        },
        { new SendRequest(1, "c", null, Interactive: new OutboundInteractive(Buttons with { Body = new InteractiveText(new string('b', 1025)) })), "The body can be at most 1024 characters; it has 1025." },
        { new SendRequest(1, "c", null, Interactive: new OutboundInteractive(Buttons with { Action = null! })), "Give the interactive message's action (its buttons, list, link, location request or products)." },
        { new SendRequest(1, "c", null, Interactive: new OutboundInteractive(Buttons with { Action = new InteractiveAction { Buttons = [new InteractiveButton(null!)] } })), "Each button needs its reply: an id and a title." },
        { new SendRequest(1, "c", null, Interactive: new OutboundInteractive(Buttons with { Header = InteractiveHeader.ForText("Hi") }, Png)), "The header file is an image, so the message needs a header of that kind." },
        {
            new SendRequest(1, "c", null, Interactive: new OutboundInteractive(Buttons with { Header = InteractiveHeader.ForMedia("image", new MediaObject()) }, Png with { FileName = "a.gif", MimeType = "image/gif" })),
            "WhatsApp does not accept image/gif as an image. Allowed: JPEG or PNG, up to 5 MB."
        },
        { new SendRequest(1, "c", "  "), "Write a message first." },
        { new SendRequest(1, "c", new string('a', 4097)), "A WhatsApp message can be at most 4096 characters; this one has 4097." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Validate_Malformed_OneProblemInPlainWords(SendRequest request, string problem)
    {
        _validator.Validate(request).Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe(problem);
    }

    [Fact]
    public void Validate_EachKindWellFormed_Accepted()
    {
        SendRequest[] requests =
        [
            new(1, "text", "Hello"),
            new(1, "reaction", null, ReactionTargetWaMessageId: "wamid.a", ReactionEmoji: ""),
            new(1, "file", null, Media: new OutboundMedia("document", "a.pdf", "application/pdf", [1], "Invoice")),
            new(1, "link", null, MediaLink: new OutboundMediaLink("video", "https://example.com/a.mp4", "Tour")),
            new(1, "template", null, Template: Template),
            new(1, "interactive", null, Interactive: new OutboundInteractive(Buttons)),
            new(1, "interactive-header-file", null, Interactive: new OutboundInteractive(Buttons with { Header = InteractiveHeader.ForMedia("image", new MediaObject()) }, Png)),
        ];

        requests.ShouldAllBe(r => _validator.Validate(r).IsValid);
    }
}
