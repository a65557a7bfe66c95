namespace Chatobuy.Inbox.Features.Conversations;

public enum MessageDirection
{
    Inbound,
    Outbound,
}
