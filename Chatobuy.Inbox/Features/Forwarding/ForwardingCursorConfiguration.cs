using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Forwarding;

public sealed class ForwardingCursorConfiguration : IEntityTypeConfiguration<ForwardingCursor>
{
    public void Configure(EntityTypeBuilder<ForwardingCursor> builder)
    {
        builder.ToTable("ForwardingCursors");
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(40);
    }
}
