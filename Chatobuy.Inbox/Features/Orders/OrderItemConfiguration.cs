using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Orders;

public sealed class OrderItemConfiguration : IEntityTypeConfiguration<OrderItem>
{
    public void Configure(EntityTypeBuilder<OrderItem> builder)
    {
        builder.Ignore(i => i.Subtotal);
        builder.Property(i => i.RetailerId).HasMaxLength(100);
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.Currency).HasMaxLength(3);
    }
}
