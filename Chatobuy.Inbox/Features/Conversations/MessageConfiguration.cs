using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Conversations;

public sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.Property(m => m.ChannelId).HasMaxLength(32);
        builder.Property(m => m.WaMessageId).HasMaxLength(256);
        builder.Property(m => m.Direction).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Type).HasMaxLength(40);
        builder.Property(m => m.ReplyToWaMessageId).HasMaxLength(256);
        builder.Property(m => m.ReplyId).HasMaxLength(256);
        builder.Property(m => m.MediaId).HasMaxLength(128);
        builder.Property(m => m.MediaMimeType).HasMaxLength(128);
        builder.Property(m => m.MediaSha256).HasMaxLength(128);
        builder.Property(m => m.MediaFileName).HasMaxLength(512);
        builder.Property(m => m.MediaState).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.MediaPath).HasMaxLength(512);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.ErrorTitle).HasMaxLength(512);
        builder.Property(m => m.BizOpaqueCallbackData).HasMaxLength(512);
        builder.Property(m => m.AuthorUserId).HasMaxLength(450);
        builder.Property(m => m.AuthorName).HasMaxLength(256);
        builder.HasIndex(m => m.WaMessageId).IsUnique();
        builder.HasIndex(m => new { m.ConversationId, m.Timestamp });
        builder.HasIndex(m => new { m.MediaState, m.MediaNextAttemptAt });
        builder.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}
