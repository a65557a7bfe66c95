namespace Chatobuy.Inbox.Features.Conversations;

public enum ConversationStatus
{
    Open,
    Resolved,
}
