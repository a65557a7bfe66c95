namespace Chatobuy.Inbox.Features.Webhooks;

/// <summary>
/// A webhook change that is not a message or status (template status, quality, account updates, value-level
/// errors), kept for the features that use them.
/// </summary>
public sealed class ChannelEvent
{
    public long Id { get; set; }

    /// <summary>The channel it concerns, when it names a phone number we serve.</summary>
    public string? ChannelId { get; set; }

    /// <summary>The WhatsApp Business Account of the entry (entry.id).</summary>
    public string WabaId { get; set; } = "";

    /// <summary>Meta's webhook field, e.g. message_template_status_update, or "errors".</summary>
    public string Field { get; set; } = "";

    /// <summary>The change's value, as Meta sent it (JSON).</summary>
    public string ValueJson { get; set; } = "";

    /// <summary>entry.time when Meta sent it.</summary>
    public DateTimeOffset? EventTime { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public long DeliveryId { get; set; }

    public WebhookDelivery? Delivery { get; set; }
}
