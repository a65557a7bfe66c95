using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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

public sealed class ChannelEventConfiguration : IEntityTypeConfiguration<ChannelEvent>
{
    public void Configure(EntityTypeBuilder<ChannelEvent> builder)
    {
        builder.Property(e => e.ChannelId).HasMaxLength(32);
        builder.Property(e => e.WabaId).HasMaxLength(64);
        builder.Property(e => e.Field).HasMaxLength(100);
        builder.HasIndex(e => new { e.WabaId, e.Field });
        builder.HasIndex(e => e.ChannelId);
        builder.HasOne(e => e.Delivery).WithMany().HasForeignKey(e => e.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}
