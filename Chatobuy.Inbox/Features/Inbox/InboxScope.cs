namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>Whose conversations the list shows.</summary>
public enum InboxScope
{
    All,
    Mine,
    Unassigned,
}
