using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Orders;

public sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.Ignore(o => o.Number);
        builder.Ignore(o => o.Total);
        builder.Ignore(o => o.TotalText);
        builder.Property(o => o.ChannelId).HasMaxLength(32);
        builder.Property(o => o.CatalogId).HasMaxLength(64);
        builder.Property(o => o.Currency).HasMaxLength(3);
        builder.Property(o => o.Note).HasMaxLength(4096);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.PaymentPartner).HasMaxLength(20);
        builder.Property(o => o.PaymentReference).HasMaxLength(255);
        builder.Property(o => o.PaymentLinkUrl).HasMaxLength(2048);
        builder.HasIndex(o => o.SourceMessageId).IsUnique();
        builder.HasIndex(o => new { o.ChannelId, o.Status });
        builder.HasIndex(o => o.ContactId);
        builder.HasIndex(o => new { o.PaymentPartner, o.PaymentReference });
        builder.HasMany(o => o.Items).WithOne().HasForeignKey(i => i.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Changes).WithOne().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}
