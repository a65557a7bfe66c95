using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Features.Webhooks;

namespace Chatobuy.Inbox.Tests.Features.Webhooks;

/// <summary>Builds webhook bodies shaped like Meta's (reference §7.2–7.4) and posts them signed.</summary>
internal static class MetaWebhook
{
    public const string AppSecret = "0123456789abcdef0123456789abcdef";

    private static long _sequence = 1_000_000;

    public static string NewWamid() => "wamid.HBgL" + Convert.ToBase64String(BitConverter.GetBytes(Interlocked.Increment(ref _sequence))) + Guid.NewGuid().ToString("N")[..8];

    public static string UnixNow(int offsetSeconds = 0) => (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + offsetSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject Message(string from, string type, JsonNode? body, string? id = null, string? timestamp = null, JsonObject? extra = null)
    {
        var message = new JsonObject
        {
            ["from"] = from,
            ["id"] = id ?? NewWamid(),
            ["timestamp"] = timestamp ?? UnixNow(),
            ["type"] = type,
        };
        if (body is not null)
        {
            message[type] = body;
        }

        foreach (var (key, value) in extra ?? [])
        {
            message[key] = value?.DeepClone();
        }

        return message;
    }

    public static JsonObject Text(string from, string text, string? id = null, string? timestamp = null) =>
        Message(from, "text", new JsonObject { ["body"] = text }, id, timestamp);

    public static JsonObject Status(string wamid, string status, string recipient, string? timestamp = null, JsonArray? errors = null)
    {
        var node = new JsonObject
        {
            ["id"] = wamid,
            ["status"] = status,
            ["timestamp"] = timestamp ?? UnixNow(),
            ["recipient_id"] = recipient,
        };
        if (errors is not null)
        {
            node["errors"] = errors;
        }
        else if (status is "sent" or "delivered" or "read")
        {
            node["pricing"] = new JsonObject { ["billable"] = false, ["pricing_model"] = "PMP", ["category"] = "service", ["type"] = "free_customer_service" };
        }

        return node;
    }

    /// <summary>One entry with one <c>messages</c> change carrying the given messages (with a contact per sender) and statuses.</summary>
    public static JsonObject Envelope(string wabaId, string phoneNumberId, IEnumerable<JsonObject>? messages = null, IEnumerable<JsonObject>? statuses = null, string profileName = "Sheena Nelson")
    {
        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject { ["display_phone_number"] = "15550783881", ["phone_number_id"] = phoneNumberId },
        };
        var messageList = messages?.ToList() ?? [];
        if (messageList.Count > 0)
        {
            value["contacts"] = new JsonArray(messageList
                .Select(m => m["from"]!.GetValue<string>())
                .Distinct()
                .Select(JsonNode? (from) => new JsonObject { ["profile"] = new JsonObject { ["name"] = profileName }, ["wa_id"] = from })
                .ToArray());
            value["messages"] = new JsonArray(messageList.Select(JsonNode? (m) => m).ToArray());
        }

        var statusList = statuses?.ToList() ?? [];
        if (statusList.Count > 0)
        {
            value["statuses"] = new JsonArray(statusList.Select(JsonNode? (s) => s).ToArray());
        }

        return Wrap(wabaId, "messages", value);
    }

    public static JsonObject Wrap(string wabaId, string field, JsonObject value, long? time = null)
    {
        var entry = new JsonObject { ["id"] = wabaId, ["changes"] = new JsonArray(new JsonObject { ["value"] = value, ["field"] = field }) };
        if (time is not null)
        {
            entry["time"] = time;
        }

        return new JsonObject { ["object"] = "whatsapp_business_account", ["entry"] = new JsonArray(entry) };
    }

    /// <summary>Meta's bytes: non-ASCII escaped as \uXXXX, as System.Text.Json's default encoder does.</summary>
    public static byte[] Bytes(JsonNode envelope) => Encoding.UTF8.GetBytes(envelope.ToJsonString(new JsonSerializerOptions()));

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, byte[] body, string? signature)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, signature);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostSignedAsync(HttpClient client, string path, JsonNode envelope, string appSecret = AppSecret)
    {
        var body = Bytes(envelope);
        return PostAsync(client, path, body, WebhookSignature.Sign(body, appSecret));
    }
}
