namespace Chatobuy.Inbox.Features.Webhooks;

/// <summary>
/// The raw body of an accepted webhook delivery: the event log for audit, replay and forwarding. Kept for
/// <see cref="WebhookOptions.RawDeliveryRetentionDays"/>, then pruned by <see cref="RawDeliveryPruner"/>.
/// </summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The channel whose App Secret verified the signature.</summary>
    public string? ChannelId { get; set; }

    /// <summary>The exact bytes Meta signed.</summary>
    public byte[] Body { get; set; } = [];

    /// <summary>SHA-256 of <see cref="Body"/> (lower-case hex): the same bytes are kept once, however often they are delivered.</summary>
    public string? BodySha256 { get; set; }

    public int MessageCount { get; set; }

    public int StatusCount { get; set; }

    public int OtherCount { get; set; }
}
