using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Labels;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>A conversation as the inbox lists it: who, on which channel, the preview, unread and assignee.</summary>
public sealed record ConversationRow(
    long Id,
    string ChannelId,
    string ChannelTitle,
    string ContactWaId,
    string? ContactName,
    string? Preview,
    DateTimeOffset LastMessageAt,
    DateTimeOffset? LastInboundAt,
    int UnreadCount,
    string? AssigneeUserId,
    string? AssigneeName,
    ConversationStatus Status,
    DateTimeOffset? SnoozedUntil = null)
{
    /// <summary>The conversation's labels, by name.</summary>
    public IReadOnlyList<LabelTag> Labels { get; init; } = [];

    public string DisplayName => string.IsNullOrWhiteSpace(ContactName) ? "+" + ContactWaId : ContactName;

    /// <summary>When the 24-hour customer service window closes; null while the customer has never written.</summary>
    public DateTimeOffset? WindowClosesAt => CustomerServiceWindow.ClosesAt(LastInboundAt);
}
