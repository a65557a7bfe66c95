using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Conversations;

public sealed class ReactionConfiguration : IEntityTypeConfiguration<Reaction>
{
    public void Configure(EntityTypeBuilder<Reaction> builder)
    {
        builder.Property(r => r.TargetWaMessageId).HasMaxLength(256);
        builder.Property(r => r.ReactorId).HasMaxLength(64);
        builder.Property(r => r.Emoji).HasMaxLength(32);
        builder.HasIndex(r => new { r.TargetWaMessageId, r.ReactorId }).IsUnique();
    }
}
