using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Usage;

public sealed class ChannelUsageMonthConfiguration : IEntityTypeConfiguration<ChannelUsageMonth>
{
    public void Configure(EntityTypeBuilder<ChannelUsageMonth> builder)
    {
        builder.HasKey(u => new { u.ChannelId, u.Month });
        builder.Property(u => u.ChannelId).HasMaxLength(32);
        builder.Property(u => u.Month).HasMaxLength(7);
        builder.Ignore(u => u.MessagesTotal);
        builder.Ignore(u => u.BillableTotal);
        builder.HasIndex(u => u.Month);
    }
}
