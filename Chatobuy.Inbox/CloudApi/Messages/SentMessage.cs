namespace Chatobuy.Inbox.CloudApi.Messages;

/// <summary><c>message_status</c>: accepted, held_for_quality_assessment or paused, when Meta says.</summary>
public sealed record SentMessage(string Id, string? MessageStatus);
