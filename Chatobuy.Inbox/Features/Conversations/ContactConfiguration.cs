using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Conversations;

public sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.Property(c => c.WaId).HasMaxLength(64);
        builder.Property(c => c.UserId).HasMaxLength(128);
        builder.Property(c => c.ProfileName).HasMaxLength(256);
        builder.HasIndex(c => c.WaId).IsUnique();
    }
}
