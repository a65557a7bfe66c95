using Chatobuy.Inbox.CloudApi.Messages;

namespace Chatobuy.Inbox.Features.Outbound;

/// <summary>
/// An interactive message (reference §3.4): Meta's <c>interactive</c> object with its placeholders already filled and,
/// for a saved message whose media header is a file the library keeps, that file, uploaded at send time and sent by
/// the media id Meta gives it (the header's own id or link is then ignored).
/// </summary>
public sealed record OutboundInteractive(InteractiveObject Message, OutboundMedia? HeaderFile = null)
{
    private static readonly string[] MediaHeaders = ["image", "video", "document"];

    /// <summary>True when <see cref="HeaderFile"/> fits the message's header: an image, video or document header of the file's kind.</summary>
    public bool HeaderFileFits => HeaderFile is null
        || (Message.Header?.Type is { } kind && MediaHeaders.Contains(kind) && kind == HeaderFile.Kind);

    /// <summary>
    /// The object the outbox keeps: with a header file, the header's media object is empty (a document keeps its file
    /// name) until the sender knows the uploaded id.
    /// </summary>
    public InteractiveObject ToSend() => HeaderFile is { } file && HeaderFileFits
        ? Message with { Header = InteractiveHeader.ForMedia(file.Kind, new MediaObject(Filename: file.Kind == "document" ? file.FileName : null)) }
        : Message;

    /// <summary>What the validator checks: the header file stands in for a media id, which it becomes once uploaded.</summary>
    public InteractiveObject ToValidate() => HeaderFile is { } file && HeaderFileFits
        ? Message with { Header = InteractiveHeader.ForMedia(file.Kind, new MediaObject(Id: "uploaded-at-send-time")) }
        : Message;
}
