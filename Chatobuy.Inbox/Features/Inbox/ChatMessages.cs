using Chatobuy.Inbox.Features.Conversations;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>The messages a chat pane shows, oldest first, with the reactions on each and each message by its wamid (for quotes).</summary>
public sealed record ChatMessages(
    IReadOnlyList<Message> Messages,
    IReadOnlyDictionary<string, IReadOnlyList<Reaction>> Reactions,
    IReadOnlyDictionary<string, Message> ById);
