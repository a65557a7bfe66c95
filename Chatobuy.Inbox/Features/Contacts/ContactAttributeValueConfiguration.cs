using Chatobuy.Inbox.Features.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Contacts;

public sealed class ContactAttributeValueConfiguration : IEntityTypeConfiguration<ContactAttributeValue>
{
    public void Configure(EntityTypeBuilder<ContactAttributeValue> builder)
    {
        builder.ToTable("ContactAttributeValues");
        builder.HasKey(v => new { v.ContactId, v.AttributeId });
        builder.HasIndex(v => v.AttributeId);
        builder.Property(v => v.Value).HasMaxLength(ContactAttributeValues.MaxTextLength);
        builder.HasOne<Contact>().WithMany().HasForeignKey(v => v.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ContactAttribute>().WithMany().HasForeignKey(v => v.AttributeId).OnDelete(DeleteBehavior.Cascade);
    }
}
