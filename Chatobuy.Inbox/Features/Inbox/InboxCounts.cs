namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>How many conversations each tab of the list holds, for the same status, channel and search.</summary>
public sealed record InboxCounts(int Mine, int Unassigned, int All)
{
    public int Of(InboxScope scope) => scope switch
    {
        InboxScope.Mine => Mine,
        InboxScope.Unassigned => Unassigned,
        _ => All,
    };
}
