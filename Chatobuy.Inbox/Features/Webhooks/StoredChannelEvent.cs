namespace Chatobuy.Inbox.Features.Webhooks;

/// <summary>A non-message webhook change as stored: its field, Meta's <c>value</c> JSON and the channel it concerns.</summary>
public sealed record StoredChannelEvent(string? ChannelId, string WabaId, string Field, string ValueJson, DateTimeOffset? EventTime);
