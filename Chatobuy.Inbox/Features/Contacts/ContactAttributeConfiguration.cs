using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Contacts;

public sealed class ContactAttributeConfiguration : IEntityTypeConfiguration<ContactAttribute>
{
    public void Configure(EntityTypeBuilder<ContactAttribute> builder)
    {
        builder.ToTable("ContactAttributes");
        builder.Ignore(a => a.OptionList);
        builder.Property(a => a.Name).HasMaxLength(ContactAttributeModelValidator.MaxNameLength);
        builder.Property(a => a.NormalizedName).HasMaxLength(ContactAttributeModelValidator.MaxNameLength);
        builder.Property(a => a.Type).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.Options).HasMaxLength(4000);
        builder.HasIndex(a => a.NormalizedName).IsUnique();
    }
}
