using Chatobuy.Inbox.Events;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>Who else has a conversation open, and who of them is typing a reply.</summary>
public sealed record PresenceEvent(string ChannelId, long ConversationId, IReadOnlyList<string> Viewers, IReadOnlyList<string> Typing) : IInboxEvent;
