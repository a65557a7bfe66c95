using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Labels;

public sealed class LabelConfiguration : IEntityTypeConfiguration<Label>
{
    public void Configure(EntityTypeBuilder<Label> builder)
    {
        builder.ToTable("Labels");
        builder.Property(l => l.Name).HasMaxLength(LabelValidator.MaxNameLength);
        builder.Property(l => l.NormalizedName).HasMaxLength(LabelValidator.MaxNameLength);
        builder.Property(l => l.Colour).HasMaxLength(7);
        builder.HasIndex(l => l.NormalizedName).IsUnique();
    }
}
