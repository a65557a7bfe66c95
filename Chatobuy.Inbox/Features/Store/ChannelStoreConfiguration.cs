using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Store;

public sealed class ChannelStoreConfiguration : IEntityTypeConfiguration<ChannelStore>
{
    public void Configure(EntityTypeBuilder<ChannelStore> builder)
    {
        builder.HasKey(s => s.ChannelId);
        builder.Property(s => s.ChannelId).HasMaxLength(32);
        builder.Property(s => s.CatalogId).HasMaxLength(64);
        builder.Property(s => s.CatalogName).HasMaxLength(500);
        builder.Property(s => s.LastError).HasMaxLength(2000);
    }
}
