using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>The thread between one contact and one channel. At most one is open per pair.</summary>
public sealed class Conversation
{
    public long Id { get; set; }

    public string ChannelId { get; set; } = "";

    public long ContactId { get; set; }

    public Contact? Contact { get; set; }

    public ConversationStatus Status { get; set; } = ConversationStatus.Open;

    /// <summary>When the customer last wrote: the 24-hour customer service window runs from here.</summary>
    public DateTimeOffset? LastInboundAt { get; set; }

    public DateTimeOffset LastMessageAt { get; set; }

    public string? LastMessagePreview { get; set; }

    public int UnreadCount { get; set; }

    public string? AssigneeUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public enum ConversationStatus
{
    Open,
    Resolved,
}

public sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.Property(c => c.ChannelId).HasMaxLength(32);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.LastMessagePreview).HasMaxLength(200);
        builder.Property(c => c.AssigneeUserId).HasMaxLength(450);
        builder.HasOne(c => c.Contact).WithMany().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ChannelId, c.ContactId }).IsUnique().HasFilter("\"Status\" = 'Open'");
        builder.HasIndex(c => new { c.ChannelId, c.LastMessageAt });
    }
}
