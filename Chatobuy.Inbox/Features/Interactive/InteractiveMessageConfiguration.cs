using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Interactive;

public sealed class InteractiveMessageConfiguration : IEntityTypeConfiguration<InteractiveMessage>
{
    public void Configure(EntityTypeBuilder<InteractiveMessage> builder)
    {
        builder.Property(m => m.ChannelId).HasMaxLength(32);
        builder.Property(m => m.Name).HasMaxLength(100);
        builder.Property(m => m.Type).HasMaxLength(40);
        builder.Property(m => m.HeaderMediaPath).HasMaxLength(512);
        builder.Property(m => m.HeaderMediaMimeType).HasMaxLength(128);
        builder.Property(m => m.HeaderMediaFileName).HasMaxLength(512);
        builder.Property(m => m.UpdatedByUserId).HasMaxLength(450);
        builder.HasIndex(m => new { m.ChannelId, m.Name }).IsUnique();
    }
}
