namespace Chatobuy.Inbox.Features.Inbox;

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

    /// <summary>Applies a reported status to the message when it moves it forward.</summary>
    public static bool Apply(Message message, MessageStatusUpdate update)
    {
        if (!Advances(message.Status, update.Status))
        {
            return false;
        }

        message.Status = update.Status;
        message.StatusAt = update.Timestamp;
        if (update.Status == MessageStatus.Failed)
        {
            message.ErrorCode = update.ErrorCode;
            message.ErrorTitle = update.ErrorTitle;
            message.ErrorDetails = update.ErrorDetails;
        }

        message.PricingJson = update.PricingJson ?? message.PricingJson;
        message.BizOpaqueCallbackData ??= update.BizOpaqueCallbackData;
        return true;
    }
}
