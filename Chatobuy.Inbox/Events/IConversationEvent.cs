namespace Chatobuy.Inbox.Events;

/// <summary>
/// An event about one conversation: what an inbox page follows with a single subscription, filtered by the channels it
/// lists and the conversation it has open.
/// </summary>
public interface IConversationEvent
{
    /// <summary>The channel the conversation belongs to.</summary>
    string ChannelId { get; }

    /// <summary>The conversation that changed.</summary>
    long ConversationId { get; }
}
