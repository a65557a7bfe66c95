namespace Chatobuy.Inbox.Features.Conversations;

public enum MediaState
{
    None,
    Pending,
    Downloaded,
    Failed,
}
