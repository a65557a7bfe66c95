using Chatobuy.Inbox.CloudApi.Messages;

namespace Chatobuy.Inbox.Features.Outbound;

/// <summary>
/// One message an agent or an integration wants sent. Exactly one of: <see cref="Text"/>, a reaction
/// (<see cref="ReactionTargetWaMessageId"/> + <see cref="ReactionEmoji"/>, "" removes it), <see cref="Media"/>
/// (uploaded at send time), <see cref="MediaLink"/> (sent by link) or <see cref="Template"/> (allowed outside the
/// 24-hour window). <see cref="ClientMessageId"/> makes it idempotent per channel: the same id again returns the same message.
/// </summary>
public sealed record SendRequest(
    long ConversationId,
    string ClientMessageId,
    string? Text,
    string? ReplyToWaMessageId = null,
    string? ReactionTargetWaMessageId = null,
    string? ReactionEmoji = null,
    OutboundMedia? Media = null,
    string? SentByUserId = null,
    OutboundMediaLink? MediaLink = null,
    OutboundTemplate? Template = null);

/// <summary>A file to upload and send. <see cref="Kind"/>: image, video, audio or document.</summary>
public sealed record OutboundMedia(string Kind, string FileName, string MimeType, byte[] Content, string? Caption);

/// <summary>A file Meta fetches itself from an http(s) link. <see cref="Kind"/>: image, video, audio or document.</summary>
public sealed record OutboundMediaLink(string Kind, string Link, string? Caption, string? FileName = null);

/// <summary>
/// A template message: Meta's <c>template</c> object (reference §3.5), its readable text (the body with the values
/// filled in), what the chat bubble shows (<see cref="Display"/>) and, for a media header sent by id, the file to
/// upload first.
/// </summary>
public sealed record OutboundTemplate(TemplateObject Message, string Text, TemplateDisplay Display, OutboundMedia? HeaderFile = null)
{
    public const int MaxTextLength = 1024;
}

/// <summary>What came of a send request: the message id, or why not. <see cref="Conflict"/>: the client message id was already used for another message.</summary>
public sealed record SendResult(long? MessageId, string? Error, bool Conflict = false)
{
    public bool Succeeded => MessageId is not null && Error is null;

    public static SendResult Ok(long messageId) => new(messageId, null);

    public static SendResult Refused(string error) => new(null, error);

    public static SendResult Conflicting(string error) => new(null, error, true);
}

/// <summary>Meta's supported media types and size limits (reference §4.1).</summary>
public static class OutboundMediaRules
{
    public const int MaxCaptionLength = 1024;

    private static readonly Dictionary<string, (long MaxBytes, string[] MimeTypes, string Hint)> Kinds = new()
    {
        ["image"] = (5L * 1024 * 1024, ["image/jpeg", "image/png"], "JPEG or PNG, up to 5 MB"),
        ["video"] = (16L * 1024 * 1024, ["video/mp4", "video/3gpp"], "MP4 or 3GPP, up to 16 MB"),
        ["audio"] = (16L * 1024 * 1024, ["audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"], "AAC, AMR, MP3, MP4 audio or OGG (Opus), up to 16 MB"),
        ["document"] = (100L * 1024 * 1024,
        [
            "text/plain", "application/pdf", "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ], "PDF, text, Word, Excel or PowerPoint, up to 100 MB"),
    };

    public static bool IsKind(string? kind) => kind is not null && Kinds.ContainsKey(kind);

    /// <summary>Null when WhatsApp accepts the file; else what is wrong, in plain words.</summary>
    public static string? Check(OutboundMedia media)
    {
        if (!Kinds.TryGetValue(media.Kind, out var rule))
        {
            return "Only images, videos, audio and documents can be sent.";
        }

        var bare = media.MimeType.Split(';', 2)[0].Trim().ToLowerInvariant();
        if (!rule.MimeTypes.Contains(bare))
        {
            return $"WhatsApp does not accept {media.MimeType} as {Article(media.Kind)} {media.Kind}. Allowed: {rule.Hint}.";
        }

        if (media.Content.Length == 0)
        {
            return "The file is empty.";
        }

        if (media.Content.LongLength > rule.MaxBytes)
        {
            return $"The file is {media.Content.LongLength / (1024.0 * 1024.0):0.0} MB; WhatsApp accepts {media.Kind} files up to {rule.MaxBytes / (1024 * 1024)} MB.";
        }

        if (string.IsNullOrWhiteSpace(media.FileName))
        {
            return "The file needs a name.";
        }

        return CheckCaption(media.Kind, media.Caption);
    }

    public static string? CheckCaption(string kind, string? caption)
    {
        if (caption is null)
        {
            return null;
        }

        if (kind == "audio")
        {
            return "Audio cannot have a caption on WhatsApp.";
        }

        return caption.Length > MaxCaptionLength ? $"A caption can be at most {MaxCaptionLength} characters." : null;
    }

    private static string Article(string kind) => kind is "image" or "audio" ? "an" : "a";
}
