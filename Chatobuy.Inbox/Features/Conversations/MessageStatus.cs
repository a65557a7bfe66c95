namespace Chatobuy.Inbox.Features.Conversations;

/// <summary>Delivery state, in the order it only ever moves (failed is terminal and kept with its error).</summary>
public enum MessageStatus
{
    None = 0,
    Pending = 1,
    Sent = 2,
    Delivered = 3,
    Read = 4,
    Played = 5,
    Failed = 9,
}
