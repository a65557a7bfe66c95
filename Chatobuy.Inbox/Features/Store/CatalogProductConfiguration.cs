using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Store;

public sealed class CatalogProductConfiguration : IEntityTypeConfiguration<CatalogProduct>
{
    public void Configure(EntityTypeBuilder<CatalogProduct> builder)
    {
        builder.Property(p => p.ChannelId).HasMaxLength(32);
        builder.Property(p => p.CatalogId).HasMaxLength(64);
        builder.Property(p => p.MetaProductId).HasMaxLength(64);
        builder.Property(p => p.RetailerId).HasMaxLength(200);
        builder.Property(p => p.Name).HasMaxLength(500);
        builder.Property(p => p.Description).HasMaxLength(5000);
        builder.Property(p => p.Price).HasMaxLength(64);
        builder.Property(p => p.Amount).HasPrecision(18, 4);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.Availability).HasMaxLength(40);
        builder.Property(p => p.ImageUrl).HasMaxLength(2048);
        builder.HasIndex(p => new { p.ChannelId, p.CatalogId, p.RetailerId }).IsUnique();
    }
}
