using Chatobuy.Inbox.Features.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Forwarding;

public sealed class ForwardingEndpointConfiguration : IEntityTypeConfiguration<ForwardingEndpoint>
{
    public void Configure(EntityTypeBuilder<ForwardingEndpoint> builder)
    {
        builder.ToTable("ForwardingEndpoints");
        builder.HasKey(e => e.ChannelId);
        builder.Property(e => e.ChannelId).HasMaxLength(32);
        builder.Property(e => e.PausedReason).HasMaxLength(600);
        builder.HasOne<Channel>().WithOne().HasForeignKey<ForwardingEndpoint>(e => e.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}
