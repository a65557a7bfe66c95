using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Templates;

public sealed class MessageTemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.WabaId).HasMaxLength(64);
        builder.Property(t => t.MetaId).HasMaxLength(64);
        builder.Property(t => t.Name).HasMaxLength(512);
        builder.Property(t => t.Language).HasMaxLength(20);
        builder.Property(t => t.Category).HasMaxLength(30);
        builder.Property(t => t.Status).HasMaxLength(30);
        builder.Property(t => t.RejectedReason).HasMaxLength(200);
        builder.Property(t => t.QualityScore).HasMaxLength(20);
        builder.Property(t => t.PreviousCategory).HasMaxLength(30);
        builder.Property(t => t.ParameterFormat).HasMaxLength(20);
        builder.Ignore(t => t.IsApproved);
        builder.Ignore(t => t.Content);

        builder.HasIndex(t => new { t.WabaId, t.MetaId }).IsUnique();
        builder.HasIndex(t => new { t.WabaId, t.Name, t.Language });
    }
}
