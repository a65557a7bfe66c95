using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Conversations;

public sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.Property(c => c.ChannelId).HasMaxLength(32);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.LastMessagePreview).HasMaxLength(200);
        builder.Property(c => c.AssigneeUserId).HasMaxLength(450);
        builder.HasOne(c => c.Contact).WithMany().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ChannelId, c.ContactId }).IsUnique().HasFilter("\"Status\" <> 'Resolved'");
        builder.HasIndex(c => c.SnoozedUntil);
        builder.HasIndex(c => new { c.ChannelId, c.LastMessageAt });
    }
}
