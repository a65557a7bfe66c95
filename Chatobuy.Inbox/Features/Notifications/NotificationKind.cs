namespace Chatobuy.Inbox.Features.Notifications;

/// <summary>What a notification tells its agent about.</summary>
public enum NotificationKind
{
    /// <summary>A customer started a conversation on a channel the agent sees.</summary>
    NewConversation,

    /// <summary>A customer wrote in a conversation assigned to the agent.</summary>
    NewMessage,

    /// <summary>A conversation was assigned to the agent.</summary>
    Assigned,

    /// <summary>Another agent @mentioned the agent in a private note.</summary>
    Mentioned,
}
