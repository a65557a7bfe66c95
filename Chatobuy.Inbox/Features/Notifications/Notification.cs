namespace Chatobuy.Inbox.Features.Notifications;

/// <summary>Something one agent should know about, with the conversation it leads to; unread until they open or dismiss it.</summary>
public sealed class Notification
{
    public long Id { get; set; }

    /// <summary>The agent told.</summary>
    public string UserId { get; set; } = "";

    public NotificationKind Kind { get; set; }

    public string ChannelId { get; set; } = "";

    public long ConversationId { get; set; }

    /// <summary>One line: what happened ("Mark wrote").</summary>
    public string Title { get; set; } = "";

    /// <summary>A short excerpt or the conversation's name.</summary>
    public string Text { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>The page the notification leads to.</summary>
    public string Link => $"/inbox/{ConversationId}";
}
