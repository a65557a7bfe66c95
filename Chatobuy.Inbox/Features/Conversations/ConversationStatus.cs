namespace Chatobuy.Inbox.Features.Conversations;

/// <summary>
/// Where a conversation stands. Stored by name, so the order here never matters to stored rows. Open, Pending and
/// Snoozed are all "active": at most one active conversation per contact and channel, and a customer message returns it
/// to Open.
/// </summary>
public enum ConversationStatus
{
    Open,
    Resolved,

    /// <summary>Waiting for the customer: set by hand, or after an agent's reply when the channel says so.</summary>
    Pending,

    /// <summary>Put aside until a time (<see cref="Conversation.SnoozedUntil"/>) or until the customer writes.</summary>
    Snoozed,
}
