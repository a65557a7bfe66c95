namespace Chatobuy.Inbox.Features.Conversations;

/// <summary>Statuses only move forward: sent &lt; delivered &lt; read &lt; played; failed is final and keeps its error.</summary>
public static class MessageStatusRules
{
    public static bool Advances(MessageStatus current, MessageStatus next) =>
        current != MessageStatus.Failed && next != current && (next == MessageStatus.Failed || (int)next > (int)current);

    public static MessageStatus? Parse(string? status) => status switch
    {
        "sent" => MessageStatus.Sent,
        "delivered" => MessageStatus.Delivered,
        "read" => MessageStatus.Read,
        "played" => MessageStatus.Played,
        "failed" => MessageStatus.Failed,
        _ => null,
    };

    /// <summary>Several reports are applied in the order a message moves, failed last, whatever order they came in.</summary>
    public static IEnumerable<MessageStatusUpdate> InApplyOrder(IEnumerable<MessageStatusUpdate> updates) =>
        updates.OrderBy(u => u.Status == MessageStatus.Failed ? int.MaxValue : (int)u.Status);
}
