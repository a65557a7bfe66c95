using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Notifications;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.UserId).HasMaxLength(450);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(n => n.ChannelId).HasMaxLength(32);
        builder.Property(n => n.Title).HasMaxLength(200);
        builder.Property(n => n.Text).HasMaxLength(300);
        builder.Ignore(n => n.Link);
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
    }
}
