using System.Text.Json;

namespace Chatobuy.Inbox.Features.Webhooks;

/// <summary>One <c>entry × change</c> of Meta's envelope (reference §7.2).</summary>
public sealed record WebhookChange(string WabaId, DateTimeOffset? EntryTime, string Field, JsonElement Value, string? PhoneNumberId);
