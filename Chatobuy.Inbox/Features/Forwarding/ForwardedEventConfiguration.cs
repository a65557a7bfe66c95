using Chatobuy.Inbox.Features.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Forwarding;

public sealed class ForwardedEventConfiguration : IEntityTypeConfiguration<ForwardedEvent>
{
    public void Configure(EntityTypeBuilder<ForwardedEvent> builder)
    {
        builder.ToTable("ForwardedEvents");
        builder.Property(e => e.EventId).HasMaxLength(36);
        builder.Property(e => e.ChannelId).HasMaxLength(32);
        builder.Property(e => e.Type).HasMaxLength(40);
        builder.Property(e => e.Lane).HasMaxLength(64);
        builder.Property(e => e.SourceKey).HasMaxLength(300);
        builder.Property(e => e.LastResponse).HasMaxLength(600);
        builder.HasOne<Channel>().WithMany().HasForeignKey(e => e.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.ChannelId, e.SourceKey }).IsUnique().HasFilter("\"SourceKey\" IS NOT NULL");
        // The sender's query: the first pending event of each lane.
        builder.HasIndex(e => new { e.State, e.ChannelId, e.Lane, e.Id });
        // The delivery log: newest first per channel.
        builder.HasIndex(e => new { e.ChannelId, e.Id });
    }
}
