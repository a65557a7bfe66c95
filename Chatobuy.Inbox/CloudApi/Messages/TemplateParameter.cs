namespace Chatobuy.Inbox.CloudApi.Messages;

/// <summary>
/// Reference §3.5: one value: <c>text</c> (with <see cref="ParameterName"/> in a template with named variables), or
/// the header's <c>image</c>, <c>video</c> or <c>document</c>.
/// </summary>
public sealed record TemplateParameter(
    string Type,
    string? ParameterName = null,
    string? Text = null,
    MediaObject? Image = null,
    MediaObject? Video = null,
    MediaObject? Document = null)
{
    public static TemplateParameter ForText(string text, string? parameterName = null) => new("text", parameterName, text);

    /// <summary>A media header by link, or without one when the file is uploaded at send time (see <see cref="WithMediaId"/>).</summary>
    public static TemplateParameter ForMedia(string kind, string? link, string? fileName)
    {
        var media = new MediaObject(Link: link, Filename: kind == "document" ? fileName : null);
        return kind switch
        {
            "image" => new(kind, Image: media),
            "video" => new(kind, Video: media),
            "document" => new(kind, Document: media),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A template header is an image, a video or a document."),
        };
    }

    public TemplateParameter WithMediaId(string mediaId) => Type switch
    {
        "image" when Image is not null => this with { Image = Image.ById(mediaId) },
        "video" when Video is not null => this with { Video = Video.ById(mediaId) },
        "document" when Document is not null => this with { Document = Document.ById(mediaId) },
        _ => this,
    };
}
