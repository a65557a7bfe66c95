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
        builder.Property(c => c.Name).HasMaxLength(256);
        builder.Property(c => c.Email).HasMaxLength(256);
        builder.Property(c => c.Notes).HasMaxLength(4000);
        builder.HasIndex(c => c.WaId).IsUnique();
    }
}
