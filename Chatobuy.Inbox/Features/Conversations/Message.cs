namespace Chatobuy.Inbox.Features.Conversations;

/// <summary>One WhatsApp message, inbound or outbound, of any type.</summary>
public sealed class Message
{
    public long Id { get; set; }

    public long ConversationId { get; set; }

    public string ChannelId { get; set; } = "";

    /// <summary>Meta's message id (wamid). Unique: a delivery seen twice adds nothing.</summary>
    public string? WaMessageId { get; set; }

    public MessageDirection Direction { get; set; }

    /// <summary>Meta's type: text, image, audio, video, document, sticker, location, contacts, interactive, button, order, reaction, system, unsupported, … (unknown types are kept as sent).</summary>
    public string Type { get; set; } = "";

    /// <summary>When Meta says it happened (the webhook timestamp), else when we stored it.</summary>
    public DateTimeOffset Timestamp { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Text body, media caption, or the readable text of a reply, order or system message.</summary>
    public string? Text { get; set; }

    /// <summary>The type-specific object exactly as Meta sent it (JSON), so no field is ever lost.</summary>
    public string? PayloadJson { get; set; }

    /// <summary>The <c>referral</c> object of a click-to-WhatsApp ad (JSON).</summary>
    public string? ReferralJson { get; set; }

    /// <summary>Message-level <c>errors</c> (JSON), e.g. for unsupported messages.</summary>
    public string? ErrorsJson { get; set; }

    public string? ReplyToWaMessageId { get; set; }

    /// <summary>
    /// What the customer tapped on an interactive message or a template's quick reply: the button's or row's id (or
    /// the button's payload), so integrations can route on it; the tapped title is <see cref="Text"/>.
    /// </summary>
    public string? ReplyId { get; set; }

    public bool Forwarded { get; set; }

    public bool FrequentlyForwarded { get; set; }

    public string? ReferredProductCatalogId { get; set; }

    public string? ReferredProductRetailerId { get; set; }

    public string? MediaId { get; set; }

    public string? MediaMimeType { get; set; }

    public string? MediaSha256 { get; set; }

    public string? MediaFileName { get; set; }

    public MediaState MediaState { get; set; }

    /// <summary>Path of the downloaded file, relative to the media folder (content-hash name).</summary>
    public string? MediaPath { get; set; }

    public long? MediaSize { get; set; }

    public string? MediaError { get; set; }

    public int MediaAttempts { get; set; }

    public DateTimeOffset? MediaNextAttemptAt { get; set; }

    public MessageStatus Status { get; set; }

    public DateTimeOffset? StatusAt { get; set; }

    public int? ErrorCode { get; set; }

    public string? ErrorTitle { get; set; }

    public string? ErrorDetails { get; set; }

    public string? PricingJson { get; set; }

    public string? BizOpaqueCallbackData { get; set; }

    /// <summary>
    /// A private note an agent left in the conversation (<see cref="NoteType"/>): shown to agents only, never queued,
    /// sent or counted as a message to or from the customer.
    /// </summary>
    public bool IsPrivate { get; set; }

    /// <summary>The agent who wrote a private note (their user id).</summary>
    public string? AuthorUserId { get; set; }

    /// <summary>The note's author by name, as they were called when they wrote it.</summary>
    public string? AuthorName { get; set; }

    /// <summary>The <see cref="Type"/> of a private note.</summary>
    public const string NoteType = "note";

    public bool IsReaction => Type == "reaction";

    /// <summary>A short line for conversation lists and quotes.</summary>
    public string Preview
    {
        get
        {
            var label = Type switch
            {
                "text" => Text,
                "image" => Labelled("📷 Photo", Text),
                "video" => Labelled("🎥 Video", Text),
                "audio" => PayloadJson?.Contains("\"voice\":true", StringComparison.Ordinal) == true ? "🎤 Voice message" : "🎵 Audio",
                "document" => Labelled("📄 " + (MediaFileName ?? "Document"), Text),
                "sticker" => "Sticker",
                "location" => Labelled("📍 Location", Text),
                "contacts" => Labelled("👤 Contact", Text),
                "order" => Labelled("🛒 Order", Text),
                _ => Text ?? "Unsupported message",
            } ?? "";
            return label.Length <= 200 ? label : label[..197] + "...";
        }
    }

    /// <summary>Applies a reported status when it moves the message forward (<see cref="MessageStatusRules"/>); false when it does not.</summary>
    public bool ApplyStatus(MessageStatusUpdate update)
    {
        if (!MessageStatusRules.Advances(Status, update.Status))
        {
            return false;
        }

        if (update.Status == MessageStatus.Failed)
        {
            Fail(update.Timestamp, update.ErrorCode, update.ErrorTitle, update.ErrorDetails);
        }
        else
        {
            Status = update.Status;
            StatusAt = update.Timestamp;
        }

        PricingJson = update.PricingJson ?? PricingJson;
        BizOpaqueCallbackData ??= update.BizOpaqueCallbackData;
        return true;
    }

    /// <summary>The message will not reach the customer: failed is final and keeps its error.</summary>
    public void Fail(DateTimeOffset at, int? errorCode, string? errorTitle, string? errorDetails)
    {
        Status = MessageStatus.Failed;
        StatusAt = at;
        ErrorCode = errorCode;
        ErrorTitle = errorTitle;
        ErrorDetails = errorDetails;
    }

    private static string Labelled(string label, string? text) => string.IsNullOrWhiteSpace(text) ? label : $"{label}: {text}";
}
