namespace Chatobuy.Inbox.CloudApi.Messages;

/// <summary>Reference §3.3: one emoji on the message with this wamid; an empty emoji removes the reaction.</summary>
public sealed record ReactionObject(string MessageId, string Emoji);
