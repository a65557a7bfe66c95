using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Assignment;

public sealed class AssignmentCursorConfiguration : IEntityTypeConfiguration<AssignmentCursor>
{
    public void Configure(EntityTypeBuilder<AssignmentCursor> builder)
    {
        builder.ToTable("AssignmentCursors");
        builder.HasKey(c => c.ChannelId);
        builder.Property(c => c.ChannelId).HasMaxLength(32);
        builder.Property(c => c.LastUserId).HasMaxLength(450);
    }
}
