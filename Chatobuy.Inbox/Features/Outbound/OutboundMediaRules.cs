namespace Chatobuy.Inbox.Features.Outbound;

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
