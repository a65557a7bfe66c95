using Chatobuy.Inbox.Features.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Outbound;

public sealed class OutboxItemConfiguration : IEntityTypeConfiguration<OutboxItem>
{
    public void Configure(EntityTypeBuilder<OutboxItem> builder)
    {
        builder.ToTable("OutboxItems");
        builder.Property(o => o.ChannelId).HasMaxLength(32);
        builder.Property(o => o.PhoneNumberId).HasMaxLength(64);
        builder.Property(o => o.Recipient).HasMaxLength(64);
        builder.Property(o => o.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.LastError).HasMaxLength(2000);
        builder.Property(o => o.ClientMessageId).HasMaxLength(128);
        builder.Property(o => o.UploadPath).HasMaxLength(512);
        builder.Property(o => o.UploadMimeType).HasMaxLength(128);
        builder.Property(o => o.UploadFileName).HasMaxLength(512);
        builder.Property(o => o.UploadedMediaId).HasMaxLength(128);
        builder.Ignore(o => o.CallbackData);
        builder.HasIndex(o => new { o.ChannelId, o.ClientMessageId }).IsUnique();
        builder.HasIndex(o => new { o.State, o.PhoneNumberId, o.NextAttemptAt });
        builder.HasIndex(o => o.MessageId);
        builder.HasOne<Message>().WithMany().HasForeignKey(o => o.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}
