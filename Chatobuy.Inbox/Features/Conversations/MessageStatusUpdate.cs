namespace Chatobuy.Inbox.Features.Conversations;

/// <summary>
/// Every distinct status Meta reported for a message, kept once per (wamid, status). A status may arrive before
/// the message it is about is stored; it is applied when the message appears.
/// </summary>
public sealed class MessageStatusUpdate
{
    public long Id { get; set; }

    public string WaMessageId { get; set; } = "";

    public MessageStatus Status { get; set; }

    public DateTimeOffset Timestamp { get; set; }

    public string? RecipientId { get; set; }

    public int? ErrorCode { get; set; }

    public string? ErrorTitle { get; set; }

    public string? ErrorDetails { get; set; }

    public string? PricingJson { get; set; }

    public string? ConversationJson { get; set; }

    public string? BizOpaqueCallbackData { get; set; }
}
