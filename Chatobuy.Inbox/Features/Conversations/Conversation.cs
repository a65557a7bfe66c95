namespace Chatobuy.Inbox.Features.Conversations;

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

    /// <summary>When the 24-hour customer service window closes; null while the customer has never written.</summary>
    public DateTimeOffset? WindowClosesAt => CustomerServiceWindow.ClosesAt(LastInboundAt);

    /// <summary>Why a free-form message cannot be sent now; null while the window is open.</summary>
    public string? WindowRefusal(DateTimeOffset now) => CustomerServiceWindow.Refusal(LastInboundAt, now);

    /// <summary>
    /// A message from the customer joins the conversation: it opens (or extends) the window, and unless it is a
    /// reaction it is unread and, being the latest, the preview. Messages may arrive out of order: an older one
    /// changes neither the window's start nor the preview.
    /// </summary>
    public void RecordInbound(Message message)
    {
        message.ConversationId = Id;
        if (LastInboundAt is null || message.Timestamp > LastInboundAt)
        {
            LastInboundAt = message.Timestamp;
        }

        if (message.IsReaction)
        {
            return;
        }

        UnreadCount++;
        if (message.Timestamp >= LastMessageAt || LastMessagePreview is null)
        {
            LastMessageAt = message.Timestamp > LastMessageAt ? message.Timestamp : LastMessageAt;
            LastMessagePreview = message.Preview;
        }
    }

    /// <summary>A message from the business is the latest; a reaction shows on its target instead.</summary>
    public void RecordOutbound(Message message)
    {
        if (message.IsReaction)
        {
            return;
        }

        LastMessageAt = message.Timestamp;
        LastMessagePreview = message.Preview;
    }

    /// <summary>Resolves or reopens; a resolved conversation has nothing left unread.</summary>
    public void SetStatus(ConversationStatus status)
    {
        Status = status;
        if (status == ConversationStatus.Resolved)
        {
            UnreadCount = 0;
        }
    }
}
