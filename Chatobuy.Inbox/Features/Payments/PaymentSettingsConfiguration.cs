using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Payments;

public sealed class PaymentSettingsConfiguration : IEntityTypeConfiguration<PaymentSettings>
{
    public void Configure(EntityTypeBuilder<PaymentSettings> builder)
    {
        builder.HasKey(s => s.ChannelId);
        builder.Ignore(s => s.ActiveCredentialsProtected);
        builder.Property(s => s.ChannelId).HasMaxLength(32);
        builder.Property(s => s.Partner).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Currency).HasMaxLength(3);
        builder.Property(s => s.CustomLinkTemplate).HasMaxLength(2048);
        builder.Property(s => s.LinkMessage).HasMaxLength(1024);
        builder.Property(s => s.SuccessMessage).HasMaxLength(1024);
        builder.Property(s => s.FailedMessage).HasMaxLength(1024);
        builder.Property(s => s.ReminderMessage).HasMaxLength(1024);
    }
}
