using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Webhooks;

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
