namespace Chatobuy.Inbox.Features.Conversations;

/// <summary>Someone reacted to a message, or took their reaction back (an empty emoji).</summary>
public sealed record ReactionEvent(string TargetWaMessageId, string ReactorId, string Emoji, DateTimeOffset At);
