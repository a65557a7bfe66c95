using Chatobuy.Inbox.Features.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Alerts;

public sealed class ChannelNoticeConfiguration : IEntityTypeConfiguration<ChannelNotice>
{
    public void Configure(EntityTypeBuilder<ChannelNotice> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.ChannelId).HasMaxLength(32);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(n => n.Title).HasMaxLength(300);
        builder.Property(n => n.Body).HasMaxLength(4000);
        builder.Ignore(n => n.IsWarning);
        builder.HasOne<Channel>().WithMany().HasForeignKey(n => n.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.ChannelId, n.CreatedAt });
    }
}
