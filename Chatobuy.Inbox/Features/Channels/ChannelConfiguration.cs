using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Channels;

public sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(32);
        builder.Property(c => c.Title).HasMaxLength(100);
        builder.Property(c => c.GraphBaseUrl).HasMaxLength(300);
        builder.Property(c => c.GraphVersion).HasMaxLength(10);
        builder.Property(c => c.BusinessId).HasMaxLength(64);
        builder.Property(c => c.WabaId).HasMaxLength(64);
        builder.Property(c => c.WabaName).HasMaxLength(200);
        builder.Property(c => c.PhoneNumberId).HasMaxLength(64);
        builder.Property(c => c.DisplayPhoneNumber).HasMaxLength(40);
        builder.Property(c => c.VerifiedName).HasMaxLength(200);
        builder.Property(c => c.QualityRating).HasMaxLength(20);
        builder.Property(c => c.CodeVerificationStatus).HasMaxLength(20);
        builder.Property(c => c.VerifyToken).HasMaxLength(64);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ReadReceipts).HasConversion<string>().HasMaxLength(20).HasDefaultValue(ReadReceiptPolicy.WhenOpened).HasSentinel(ReadReceiptPolicy.Off);
        builder.Property(c => c.AssignmentMode).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.StatusReason).HasMaxLength(1000);
        builder.Property(c => c.DisconnectCause).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.MessagingLimitTier).HasMaxLength(30);
        builder.Property(c => c.ThroughputLevel).HasMaxLength(30);
        builder.Property(c => c.ForwardingWebhookUrl).HasMaxLength(2048);
        builder.Property(c => c.WebhookOverrideUrl).HasMaxLength(2048);
        builder.Property(c => c.WebhookOverrideError).HasMaxLength(1000);
        builder.Ignore(c => c.GraphRoot);

        // One channel per phone number, and at most one default channel.
        builder.HasIndex(c => c.PhoneNumberId).IsUnique();
        builder.HasIndex(c => c.IsDefault).IsUnique().HasFilter("\"IsDefault\" = 1");
    }
}
