using System.Text.Json;

namespace Chatobuy.Inbox.CloudApi.Messages;

/// <summary>
/// Reference §3.1: the body of <c>POST /{phone-number-id}/messages</c>. Exactly one content object is set, the one
/// <see cref="Type"/> names. The outbox keeps it without <see cref="To"/> and <see cref="BizOpaqueCallbackData"/>
/// (<see cref="ToJson"/>), which the sender adds once it knows the item's id (<see cref="Addressed"/>).
/// </summary>
public sealed record MessageRequest
{
    public string MessagingProduct { get; init; } = "whatsapp";

    public string RecipientType { get; init; } = "individual";

    public string? To { get; init; }

    public MessageContext? Context { get; init; }

    public required string Type { get; init; }

    public TextObject? Text { get; init; }

    public MediaObject? Image { get; init; }

    public MediaObject? Video { get; init; }

    public MediaObject? Audio { get; init; }

    public MediaObject? Document { get; init; }

    public MediaObject? Sticker { get; init; }

    public ReactionObject? Reaction { get; init; }

    public TemplateObject? Template { get; init; }

    public InteractiveObject? Interactive { get; init; }

    public string? BizOpaqueCallbackData { get; init; }

    public static MessageRequest ForText(string body, bool previewUrl) => new() { Type = "text", Text = new TextObject(body, previewUrl) };

    /// <summary>
    /// A file by media id or link. WhatsApp shows no caption on audio and stickers, and a file name on documents only,
    /// so those are left out where they do not apply.
    /// </summary>
    public static MessageRequest ForMedia(string kind, string? id, string? link, string? caption, string? fileName)
    {
        var media = new MediaObject(
            id,
            link,
            string.IsNullOrEmpty(caption) || kind is "audio" or "sticker" ? null : caption,
            kind == "document" && !string.IsNullOrWhiteSpace(fileName) ? fileName : null);
        return kind switch
        {
            "image" => new() { Type = kind, Image = media },
            "video" => new() { Type = kind, Video = media },
            "audio" => new() { Type = kind, Audio = media },
            "document" => new() { Type = kind, Document = media },
            "sticker" => new() { Type = kind, Sticker = media },
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a WhatsApp media type."),
        };
    }

    /// <summary>Reference §3.3: an empty <paramref name="emoji"/> removes the business's reaction.</summary>
    public static MessageRequest ForReaction(string messageId, string emoji) => new() { Type = "reaction", Reaction = new ReactionObject(messageId, emoji) };

    public static MessageRequest ForTemplate(TemplateObject template) => new() { Type = "template", Template = template };

    /// <summary>Reference §3.4: buttons, a list, a URL button, a location request or products.</summary>
    public static MessageRequest ForInteractive(InteractiveObject interactive) => new() { Type = "interactive", Interactive = interactive };

    /// <summary>Reads what <see cref="ToJson"/> wrote (and the outbox rows written before the records existed: the same JSON).</summary>
    public static MessageRequest FromJson(string json) =>
        JsonSerializer.Deserialize<MessageRequest>(json, GraphJson.Options) ?? throw new JsonException("The message payload is empty.");

    public string ToJson() => JsonSerializer.Serialize(this, GraphJson.Options);

    /// <summary>The content object <see cref="Type"/> names, alone, as Meta's JSON.</summary>
    public string ContentJson() => JsonSerializer.Serialize(
        Type switch
        {
            "text" => (object?)Text,
            "reaction" => Reaction,
            "template" => Template,
            "interactive" => Interactive,
            _ => MediaOf(Type),
        },
        GraphJson.Options);

    /// <summary>Quotes the message with this wamid (reference §3.3); null quotes nothing.</summary>
    public MessageRequest ReplyingTo(string? messageId) => messageId is null ? this : this with { Context = new MessageContext(messageId) };

    /// <summary>The recipient's wa_id and the callback data Meta echoes in this message's status webhooks.</summary>
    public MessageRequest Addressed(string to, string callbackData) => this with { To = to, BizOpaqueCallbackData = callbackData };

    /// <summary>Sends the file by this uploaded media id instead of a link: the message's own file, or a template's header.</summary>
    public MessageRequest WithMediaId(string mediaId) => Type switch
    {
        "template" when Template is not null => this with { Template = Template.WithHeaderMediaId(mediaId) },
        "interactive" when Interactive?.Header?.Media is { } header => this with
        {
            Interactive = Interactive with { Header = InteractiveHeader.ForMedia(Interactive.Header.Type, header.ById(mediaId)) },
        },
        "image" when Image is not null => this with { Image = Image.ById(mediaId) },
        "video" when Video is not null => this with { Video = Video.ById(mediaId) },
        "audio" when Audio is not null => this with { Audio = Audio.ById(mediaId) },
        "document" when Document is not null => this with { Document = Document.ById(mediaId) },
        "sticker" when Sticker is not null => this with { Sticker = Sticker.ById(mediaId) },
        _ => this,
    };

    private MediaObject? MediaOf(string kind) => kind switch
    {
        "image" => Image,
        "video" => Video,
        "audio" => Audio,
        "document" => Document,
        "sticker" => Sticker,
        _ => null,
    };
}
