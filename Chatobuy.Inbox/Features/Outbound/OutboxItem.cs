using Chatobuy.Inbox.Features.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Outbound;

/// <summary>
/// One attempt to hand an outbound <see cref="Message"/> to the Cloud API, written in the same transaction as the
/// message and drained by the <see cref="OutboundSender"/>. Its id travels as <c>biz_opaque_callback_data</c>, so a
/// status webhook can settle a send whose answer never came. A retry the user asks for is a new item.
/// </summary>
public sealed class OutboxItem
{
    public long Id { get; set; }

    public long MessageId { get; set; }

    public string ChannelId { get; set; } = "";

    public string PhoneNumberId { get; set; } = "";

    /// <summary>The customer's wa_id.</summary>
    public string Recipient { get; set; } = "";

    /// <summary>The Graph message payload without <c>to</c> and <c>biz_opaque_callback_data</c> (added at send time).</summary>
    public string PayloadJson { get; set; } = "";

    public OutboxState State { get; set; } = OutboxState.Queued;

    /// <summary>Sends Meta answered with a retryable error.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>The caller's key for this send (double click, reconnect replay); unique per channel. Null on retries.</summary>
    public string? ClientMessageId { get; set; }

    /// <summary>A file to upload through <c>POST /{phone-number-id}/media</c> before sending, relative to the media folder.</summary>
    public string? UploadPath { get; set; }

    public string? UploadMimeType { get; set; }

    public string? UploadFileName { get; set; }

    /// <summary>The media id once uploaded, so a later attempt does not upload again.</summary>
    public string? UploadedMediaId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the request left (set as the pacer lets it go, kept when Meta answers).</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The callback data a status webhook echoes for this item.</summary>
    public string CallbackData => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public enum OutboxState
{
    /// <summary>Waiting to be sent, including while a sender holds it waiting for its turn under the rate limit.</summary>
    Queued,

    /// <summary>Its request was let go: after a crash it may have reached Meta, so it becomes unconfirmed.</summary>
    Sending,
    Sent,

    /// <summary>The request may have reached Meta but no answer came: never resent automatically.</summary>
    Unconfirmed,
    Failed,
}

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
