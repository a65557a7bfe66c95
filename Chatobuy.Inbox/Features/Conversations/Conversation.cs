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

    /// <summary>When a snoozed conversation comes back as open and unread; null while not snoozed, or snoozed until the customer writes.</summary>
    public DateTimeOffset? SnoozedUntil { get; set; }

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

        // The customer wrote: a conversation waiting for them, put aside or resolved is open again.
        if (Status is ConversationStatus.Pending or ConversationStatus.Snoozed or ConversationStatus.Resolved)
        {
            Status = ConversationStatus.Open;
            SnoozedUntil = null;
        }

        UnreadCount++;
        if (message.Timestamp >= LastMessageAt || LastMessagePreview is null)
        {
            LastMessageAt = message.Timestamp > LastMessageAt ? message.Timestamp : LastMessageAt;
            LastMessagePreview = message.Preview;
        }
    }

    /// <summary>
    /// A message from the business is the latest; a reaction shows on its target instead. With
    /// <paramref name="pendingAfterReply"/> (the channel's setting), an open conversation now waits for the customer.
    /// </summary>
    public void RecordOutbound(Message message, bool pendingAfterReply = false)
    {
        if (message.IsReaction)
        {
            return;
        }

        LastMessageAt = message.Timestamp;
        LastMessagePreview = message.Preview;
        if (pendingAfterReply && Status == ConversationStatus.Open)
        {
            Status = ConversationStatus.Pending;
        }
    }

    /// <summary>Opens, resolves or marks pending; a resolved conversation has nothing left unread. Snoozing goes through <see cref="Snooze"/>.</summary>
    public void SetStatus(ConversationStatus status)
    {
        Status = status;
        SnoozedUntil = null;
        if (status == ConversationStatus.Resolved)
        {
            UnreadCount = 0;
        }
    }

    /// <summary>Puts the conversation aside until <paramref name="until"/>, or until the customer writes when null.</summary>
    public void Snooze(DateTimeOffset? until)
    {
        Status = ConversationStatus.Snoozed;
        SnoozedUntil = until;
    }

    /// <summary>Whether a snoozed conversation's time has come at <paramref name="now"/>.</summary>
    public bool SnoozeEnded(DateTimeOffset now) => Status == ConversationStatus.Snoozed && SnoozedUntil is { } until && until <= now;

    /// <summary>The snooze ended: the conversation is open again and shows as unread.</summary>
    public void Wake()
    {
        Status = ConversationStatus.Open;
        SnoozedUntil = null;
        MarkUnread();
    }

    /// <summary>An agent wants to come back to it: it shows as unread (at least one) until opened again.</summary>
    public void MarkUnread() => UnreadCount = Math.Max(UnreadCount, 1);
}
