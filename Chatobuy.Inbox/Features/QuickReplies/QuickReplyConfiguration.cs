using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.QuickReplies;

public sealed class QuickReplyConfiguration : IEntityTypeConfiguration<QuickReply>
{
    public void Configure(EntityTypeBuilder<QuickReply> builder)
    {
        builder.ToTable("QuickReplies");
        builder.Property(q => q.Shortcut).HasMaxLength(QuickReplyDraftValidator.MaxShortcutLength);
        builder.Property(q => q.Title).HasMaxLength(QuickReplyDraftValidator.MaxTitleLength);
        builder.Property(q => q.Text).HasMaxLength(QuickReplyDraftValidator.MaxTextLength);
        builder.Property(q => q.OwnerUserId).HasMaxLength(450);
        builder.Property(q => q.AttachmentKind).HasMaxLength(16);
        builder.Property(q => q.AttachmentPath).HasMaxLength(512);
        builder.Property(q => q.AttachmentMimeType).HasMaxLength(128);
        builder.Property(q => q.AttachmentFileName).HasMaxLength(512);
        builder.Ignore(q => q.IsShared);

        // The shortcut is unique per owner: among the shared ones, and among each agent's own.
        builder.HasIndex(q => new { q.OwnerUserId, q.Shortcut }).IsUnique();
    }
}
