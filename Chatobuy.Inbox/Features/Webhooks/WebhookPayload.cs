using System.Globalization;
using System.Text.Json;

namespace Chatobuy.Inbox.Features.Webhooks;

/// <summary>Reads Meta's webhook envelope leniently: every entry and change, whatever the field.</summary>
public static class WebhookPayload
{
    /// <summary>The changes of a parsed body; throws <see cref="JsonException"/> when it is not Meta's envelope.</summary>
    public static IReadOnlyList<WebhookChange> Changes(JsonDocument document)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("Not a WhatsApp webhook envelope: no entry array.");
        }

        var changes = new List<WebhookChange>();
        foreach (var entry in entries.EnumerateArray())
        {
            var wabaId = String(entry, "id") ?? "";
            var time = Number(entry, "time") is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null;
            if (!entry.TryGetProperty("changes", out var entryChanges) || entryChanges.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var change in entryChanges.EnumerateArray())
            {
                if (!change.TryGetProperty("value", out var value))
                {
                    continue;
                }

                var phoneNumberId = value.ValueKind == JsonValueKind.Object && value.TryGetProperty("metadata", out var metadata)
                    ? String(metadata, "phone_number_id")
                    : null;
                changes.Add(new WebhookChange(wabaId, time, String(change, "field") ?? "", value, phoneNumberId));
            }
        }

        return changes;
    }

    /// <summary>A property as a string, whether Meta sent a string or a number.</summary>
    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>A whole number, whether Meta sent it as a number or a string (timestamps come as strings).</summary>
    public static long? Number(JsonElement element, string name) =>
        String(element, name) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    public static bool Flag(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    public static JsonElement? Child(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        Child(element, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    public static DateTimeOffset? UnixTime(JsonElement element, string name) =>
        Number(element, name) is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}
