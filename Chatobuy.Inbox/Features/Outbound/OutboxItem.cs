using Chatobuy.Inbox.Features.Conversations;

namespace Chatobuy.Inbox.Features.Outbound;

/// <summary>
/// One attempt to hand an outbound <see cref="Message"/> to the Cloud API, written in the same transaction as the
/// message and drained by the <see cref="OutboundSender"/>. Its id travels as <c>biz_opaque_callback_data</c>, so a
/// status webhook can settle a send whose answer never came. A retry the user asks for is a new item.
/// </summary>
public sealed class OutboxItem
{
    public long Id { get; set; }

    public long MessageId { get; set; }

    public string ChannelId { get; set; } = "";

    public string PhoneNumberId { get; set; } = "";

    /// <summary>The customer's wa_id.</summary>
    public string Recipient { get; set; } = "";

    /// <summary>The Graph message payload without <c>to</c> and <c>biz_opaque_callback_data</c> (added at send time).</summary>
    public string PayloadJson { get; set; } = "";

    public OutboxState State { get; set; } = OutboxState.Queued;

    /// <summary>Sends Meta answered with a retryable error.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>The caller's key for this send (double click, reconnect replay); unique per channel. Null on retries.</summary>
    public string? ClientMessageId { get; set; }

    /// <summary>A file to upload through <c>POST /{phone-number-id}/media</c> before sending, relative to the media folder.</summary>
    public string? UploadPath { get; set; }

    public string? UploadMimeType { get; set; }

    public string? UploadFileName { get; set; }

    /// <summary>The media id once uploaded, so a later attempt does not upload again.</summary>
    public string? UploadedMediaId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the request left (set as the pacer lets it go, kept when Meta answers).</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The callback data a status webhook echoes for this item.</summary>
    public string CallbackData => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
