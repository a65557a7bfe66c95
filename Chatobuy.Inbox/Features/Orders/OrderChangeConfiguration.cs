using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Orders;

public sealed class OrderChangeConfiguration : IEntityTypeConfiguration<OrderChange>
{
    public void Configure(EntityTypeBuilder<OrderChange> builder)
    {
        builder.Property(c => c.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Actor).HasMaxLength(200);
        builder.Property(c => c.Detail).HasMaxLength(1024);
    }
}
