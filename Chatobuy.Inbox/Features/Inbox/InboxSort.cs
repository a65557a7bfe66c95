namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>The order of the conversation list.</summary>
public enum InboxSort
{
    /// <summary>Latest activity first.</summary>
    Newest,

    /// <summary>Oldest activity first: who has waited longest.</summary>
    Oldest,

    /// <summary>The 24-hour customer service windows that close soonest first; conversations without an open window last.</summary>
    WindowClosing,
}
