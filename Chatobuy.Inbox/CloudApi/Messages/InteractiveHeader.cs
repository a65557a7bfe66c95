using System.Text.Json.Serialization;

namespace Chatobuy.Inbox.CloudApi.Messages;

/// <summary>
/// Reference §3.4: an interactive header, <c>text</c> (≤ 60 characters) or, on reply buttons only, an <c>image</c>,
/// <c>video</c> or <c>document</c> (by media id or link, without caption).
/// </summary>
public sealed record InteractiveHeader(string Type, string? Text = null, MediaObject? Image = null, MediaObject? Video = null, MediaObject? Document = null)
{
    /// <summary>The media object of a media header; null for text. Not sent to Meta (it names the same object as its type's property).</summary>
    [JsonIgnore]
    public MediaObject? Media => Type switch
    {
        "image" => Image,
        "video" => Video,
        "document" => Document,
        _ => null,
    };

    public static InteractiveHeader ForText(string text) => new("text", Text: text);

    public static InteractiveHeader ForMedia(string kind, MediaObject media) => kind switch
    {
        "image" => new(kind, Image: media),
        "video" => new(kind, Video: media),
        "document" => new(kind, Document: media),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "An interactive header is text, image, video or document."),
    };
}
