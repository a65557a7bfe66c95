namespace Chatobuy.Inbox.Features.Channels;

/// <summary>How the channel's new conversations get an assignee.</summary>
public enum AssignmentMode
{
    /// <summary>No automatic assignment: agents assign by hand.</summary>
    None,

    /// <summary>In turn among the channel's online agents, each up to the channel's limit of open conversations.</summary>
    RoundRobin,

    /// <summary>The first agent who replies becomes the assignee.</summary>
    FirstReplier,
}
