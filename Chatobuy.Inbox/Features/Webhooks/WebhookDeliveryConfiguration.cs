using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Webhooks;

public sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.Property(d => d.ChannelId).HasMaxLength(32);
        builder.HasIndex(d => d.ReceivedAt);
        builder.Property(d => d.BodySha256).HasMaxLength(64);
        builder.HasIndex(d => d.BodySha256).IsUnique();
    }
}
