using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Chatobuy.Inbox.Features.Forwarding;

/// <summary>
/// Writes the body POSTed to a forwarding URL: <c>id</c>, <c>type</c>, <c>occurredAt</c>, <c>channelId</c>,
/// <c>conversationId</c>, <c>contactId</c>, <c>messageId</c>; for Meta's events <c>field</c> (Meta's webhook field) and
/// <c>value</c> (Meta's object exactly as Meta sent it); for our own events <c>data</c>.
/// </summary>
public static class ForwardingEnvelope
{
    /// <summary>The event id for a fact seen once per channel: the same fact always gets the same id.</summary>
    public static string EventIdFor(string channelId, string sourceKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{channelId}\n{sourceKey}"));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    /// <summary>The envelope as JSON. <paramref name="rawValue"/> is inserted byte for byte; <paramref name="data"/> writes our own fields.</summary>
    public static string Write(
        string eventId,
        string type,
        DateTimeOffset occurredAt,
        string channelId,
        long? conversationId,
        long? contactId,
        long? messageId,
        string? field = null,
        string? rawValue = null,
        Action<Utf8JsonWriter>? data = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", eventId);
            writer.WriteString("type", type);
            writer.WriteString("occurredAt", occurredAt.ToUniversalTime());
            writer.WriteString("channelId", channelId);
            WriteNumber(writer, "conversationId", conversationId);
            WriteNumber(writer, "contactId", contactId);
            WriteNumber(writer, "messageId", messageId);
            if (field is not null)
            {
                writer.WriteString("field", field);
            }

            if (rawValue is not null)
            {
                writer.WritePropertyName("value");
                writer.WriteRawValue(rawValue, skipInputValidation: true);
            }

            if (data is not null)
            {
                writer.WritePropertyName("data");
                writer.WriteStartObject();
                data(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
