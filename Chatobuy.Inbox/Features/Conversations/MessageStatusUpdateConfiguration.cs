using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Conversations;

public sealed class MessageStatusUpdateConfiguration : IEntityTypeConfiguration<MessageStatusUpdate>
{
    public void Configure(EntityTypeBuilder<MessageStatusUpdate> builder)
    {
        builder.Property(s => s.WaMessageId).HasMaxLength(256);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.RecipientId).HasMaxLength(64);
        builder.Property(s => s.ErrorTitle).HasMaxLength(512);
        builder.Property(s => s.BizOpaqueCallbackData).HasMaxLength(512);
        builder.HasIndex(s => new { s.WaMessageId, s.Status }).IsUnique();
    }
}
