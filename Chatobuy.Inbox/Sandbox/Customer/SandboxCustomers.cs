using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Chatobuy.Inbox.Sandbox.Delivery;
using Chatobuy.Inbox.Sandbox.State;

namespace Chatobuy.Inbox.Sandbox.Customer;

/// <summary>
/// Plays the customer's side of WhatsApp (reference §7.3): turns a request into the inbound message object Meta
/// would send, queues its webhook and keeps a per-conversation record; also emits status webhooks on request.
/// </summary>
public sealed partial class SandboxCustomers(
    SandboxState state,
    SandboxMediaStore media,
    SandboxWebhookQueue queue,
    TimeProvider time,
    ILogger<SandboxCustomers> logger)
{
    public const string DefaultName = "Sandbox Customer";
    public const string DefaultWaId = "15551234567";
    private const int MaxPerConversation = 500;

    private static readonly string[] MediaTypes = ["image", "audio", "video", "document", "sticker"];
    private static readonly string[] StatusValues = ["sent", "delivered", "read", "failed", "played"];

    private readonly Lock _gate = new();
    private readonly Dictionary<(string PhoneNumberId, string WaId), List<SandboxCustomerMessage>> _conversations = [];
    private readonly Dictionary<(string PhoneNumberId, string WaId), DateTimeOffset> _lastSeen = [];

    /// <summary>Raised after a customer message was recorded, on the thread that recorded it.</summary>
    public event Action<SandboxCustomerMessage>? MessageRecorded;

    public IReadOnlyList<SandboxCustomerMessage> Conversation(string phoneNumberId, string waId)
    {
        lock (_gate)
        {
            return _conversations.TryGetValue((phoneNumberId, waId), out var list) ? list.ToList() : [];
        }
    }

    /// <summary>A message the customer sent to this number, by its wamid; null when there is none.</summary>
    public SandboxCustomerMessage? FindMessage(string phoneNumberId, string id)
    {
        lock (_gate)
        {
            foreach (var ((phone, _), list) in _conversations)
            {
                if (phone == phoneNumberId && list.FirstOrDefault(m => m.Id == id) is { } found)
                {
                    return found;
                }
            }

            return null;
        }
    }

    /// <summary>When the customer last wrote to this number (the start of the 24-hour window, reference §8.5); null if never.</summary>
    public DateTimeOffset? LastSeen(string phoneNumberId, string waId)
    {
        lock (_gate)
        {
            return _lastSeen.TryGetValue((phoneNumberId, waId), out var at) ? at : null;
        }
    }

    /// <summary>Test hook: pretends the customer last wrote at <paramref name="at"/>.</summary>
    public void SetLastSeen(string phoneNumberId, string waId, DateTimeOffset at)
    {
        lock (_gate)
        {
            _lastSeen[(phoneNumberId, waId)] = at;
        }
    }

    /// <summary>
    /// Sends a message as customer <paramref name="waId"/>: <c>{"phone_number_id","name","type","&lt;type&gt;":{…},"context"?,"referral"?}</c>,
    /// and for media <c>"media_id"</c> of an uploaded file (plus caption, filename, voice, animated).
    /// </summary>
    public SandboxCustomerResult Send(string waId, JsonObject request)
    {
        if (!WaIdPattern().IsMatch(waId))
        {
            return Refused("(#100) The customer's wa_id must be 6 to 20 digits");
        }

        if (Text(request["phone_number_id"]) is not { } phoneNumberId || state.FindPhoneNumber(phoneNumberId) is not { } phone)
        {
            return Refused($"(#100) phone_number_id must be one of the Sandbox numbers: {string.Join(", ", state.PhoneNumbers.Select(p => p.Id))}");
        }

        if (Text(request["type"]) is not { Length: > 0 } type)
        {
            return Refused("(#100) The parameter type is required");
        }

        var name = Text(request["name"]) is { Length: > 0 } given ? given.Trim() : DefaultName;
        var id = NewWamid();
        var message = new JsonObject
        {
            ["from"] = waId,
            ["id"] = id,
            ["timestamp"] = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        };

        string? replyToId = null;
        if (request["context"] is JsonObject context)
        {
            var quoted = (JsonObject)context.DeepClone();
            replyToId = Text(quoted["id"]);
            if (replyToId is not null && quoted["from"] is null)
            {
                // The quoted message's sender: the customer's own message, or else the business number.
                quoted["from"] = Conversation(phone.Id, waId).Any(m => m.Id == replyToId) ? waId : Digits(phone.DisplayPhoneNumber);
            }

            message["context"] = quoted;
        }

        message["type"] = type;
        var (payload, error) = BuildPayload(type, request);
        if (error is not null)
        {
            return Refused(error);
        }

        if (payload is not null)
        {
            message[type] = payload;
        }

        if (type == "unsupported")
        {
            message["errors"] = new JsonArray(new JsonObject
            {
                ["code"] = 131051,
                ["title"] = "Message type unknown",
                ["message"] = "Message type unknown",
                ["error_data"] = new JsonObject { ["details"] = "Message type is currently not supported." },
            });
        }

        if (request["referral"] is JsonObject referral)
        {
            message["referral"] = referral.DeepClone();
        }

        var contact = new JsonObject { ["profile"] = new JsonObject { ["name"] = name }, ["wa_id"] = waId };
        var record = new SandboxCustomerMessage(id, phone.Id, waId, name, type, Summarize(type, payload), time.GetUtcNow(), replyToId, message);
        lock (_gate)
        {
            if (!_conversations.TryGetValue((phone.Id, waId), out var list))
            {
                _conversations[(phone.Id, waId)] = list = [];
            }

            list.Add(record);
            _lastSeen[(phone.Id, waId)] = record.At;
            if (list.Count > MaxPerConversation)
            {
                list.RemoveAt(0);
            }
        }

        queue.Enqueue(new SandboxWebhookUpdate(SandboxUpdateKind.Message, phone.Id, id, message, contact));
        LogSent(type, phone.Id);
        MessageRecorded?.Invoke(record);
        return new SandboxCustomerResult(id, null);
    }

    /// <summary>Queues a status webhook: <c>{"phone_number_id","id","status","recipient_id","errors"?}</c>.</summary>
    public SandboxCustomerResult EmitStatus(JsonObject request)
    {
        if (Text(request["phone_number_id"]) is not { } phoneNumberId || state.FindPhoneNumber(phoneNumberId) is null)
        {
            return Refused("(#100) phone_number_id must be one of the Sandbox numbers");
        }

        if (Text(request["id"]) is not { Length: > 0 } id)
        {
            return Refused("(#100) The parameter id (the wamid) is required");
        }

        if (Text(request["status"]) is not { } status || !StatusValues.Contains(status))
        {
            return Refused($"(#100) status must be one of: {string.Join(", ", StatusValues)}");
        }

        if (Text(request["recipient_id"]) is not { } recipient || !WaIdPattern().IsMatch(recipient))
        {
            return Refused("(#100) recipient_id must be the customer's wa_id (6 to 20 digits)");
        }

        var item = new JsonObject
        {
            ["id"] = id,
            ["status"] = status,
            ["timestamp"] = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["recipient_id"] = recipient,
        };
        foreach (var optional in (string[])["biz_opaque_callback_data", "conversation", "pricing", "errors"])
        {
            if (request[optional] is { } value)
            {
                item[optional] = value.DeepClone();
            }
        }

        queue.Enqueue(new SandboxWebhookUpdate(SandboxUpdateKind.Status, phoneNumberId, $"{id}:{status}", item, null));
        LogStatus(status, phoneNumberId);
        return new SandboxCustomerResult(id, null);
    }

    /// <summary>A message id shaped like Meta's: <c>wamid.</c> and base64 of random bytes.</summary>
    public static string NewWamid() => "wamid." + Convert.ToBase64String(RandomNumberGenerator.GetBytes(30));

    private (JsonNode? Payload, string? Error) BuildPayload(string type, JsonObject request)
    {
        var given = request[type];
        if (MediaTypes.Contains(type))
        {
            return BuildMedia(type, request, given as JsonObject);
        }

        switch (type)
        {
            case "text":
                return given is JsonObject text && Text(text["body"]) is { Length: > 0 and <= 4096 }
                    ? (text.DeepClone(), null)
                    : (null, "(#100) text.body is required (1 to 4096 characters)");
            case "location":
                return given is JsonObject location && IsNumber(location["latitude"]) && IsNumber(location["longitude"])
                    ? (location.DeepClone(), null)
                    : (null, "(#100) location.latitude and location.longitude are required numbers");
            case "contacts":
                return given is JsonArray { Count: > 0 } contacts
                    ? (contacts.DeepClone(), null)
                    : (null, "(#100) contacts must be a non-empty array of contact cards");
            case "reaction":
                return given is JsonObject reaction && Text(reaction["message_id"]) is { Length: > 0 }
                    ? (reaction.DeepClone(), null)
                    : (null, "(#100) reaction.message_id is required (emoji empty or missing removes a reaction)");
            case "interactive":
                return given is JsonObject interactive && Text(interactive["type"]) is { Length: > 0 }
                    ? (interactive.DeepClone(), null)
                    : (null, "(#100) interactive.type is required (button_reply, list_reply, nfm_reply…)");
            case "order":
                return given is JsonObject order && order["product_items"] is JsonArray { Count: > 0 }
                    ? (order.DeepClone(), null)
                    : (null, "(#100) order.product_items is required");
            case "button":
            case "system":
                return given is JsonObject value
                    ? (value.DeepClone(), null)
                    : (null, $"(#100) The {type} object is required");
            case "unsupported":
                return (given?.DeepClone() ?? new JsonObject { ["type"] = "unknown" }, null);
            default:
                // Any other type (request_welcome, edit, revoke, new ones) is passed on as given.
                return (given?.DeepClone(), null);
        }
    }

    private (JsonNode? Payload, string? Error) BuildMedia(string type, JsonObject request, JsonObject? given)
    {
        var payload = (JsonObject?)given?.DeepClone() ?? [];
        var mediaId = Text(request["media_id"]) ?? Text(payload["id"]);
        if (mediaId is null)
        {
            return (null, $"(#100) media_id (an uploaded file's id) is required for a {type} message");
        }

        if (media.Find(mediaId) is not { } stored)
        {
            return (null, $"(#100) Unknown media_id {mediaId}: upload the file first (POST /sandbox/customers/media)");
        }

        var kind = SandboxMediaRules.KindOf(stored.MimeType);
        if (kind?.Name != type)
        {
            return (null, $"(#100) The uploaded file is {stored.MimeType}, which cannot be sent as {type}");
        }

        foreach (var extra in (string[])["caption", "filename", "voice", "animated"])
        {
            if (request[extra] is { } value && payload[extra] is null)
            {
                payload[extra] = value.DeepClone();
            }
        }

        if (type is "audio" or "sticker")
        {
            payload.Remove("caption");
        }

        payload["mime_type"] = SandboxMediaRules.BaseMimeType(stored.MimeType) == "audio/ogg" ? "audio/ogg; codecs=opus" : stored.MimeType;
        payload["sha256"] = stored.Sha256;
        payload["id"] = stored.Id;
        switch (type)
        {
            case "document":
                payload["filename"] ??= stored.FileName ?? "document";
                break;
            case "audio":
                payload["voice"] ??= false;
                break;
            case "sticker":
                payload["animated"] ??= false;
                break;
        }

        return (payload, null);
    }

    private static string Summarize(string type, JsonNode? payload)
    {
        var caption = payload is JsonObject withCaption ? Text(withCaption["caption"]) : null;
        return type switch
        {
            "text" => Text(payload?["body"]) ?? "",
            "image" => caption is null ? "📷 Photo" : $"📷 {caption}",
            "video" => caption is null ? "🎬 Video" : $"🎬 {caption}",
            "audio" => payload?["voice"]?.GetValueKind() == JsonValueKind.True ? "🎤 Voice message" : "🎵 Audio",
            "document" => $"📄 {Text(payload?["filename"]) ?? "Document"}" + (caption is null ? "" : $" — {caption}"),
            "sticker" => "Sticker",
            "location" => $"📍 {Text(payload?["name"]) ?? $"{payload?["latitude"]}, {payload?["longitude"]}"}",
            "contacts" => $"👤 {Text(payload?[0]?["name"]?["formatted_name"]) ?? "Contact"}",
            "reaction" => Text(payload?["emoji"]) is { Length: > 0 } emoji ? $"Reacted {emoji}" : "Removed a reaction",
            "order" => $"🛒 Order of {payload?["product_items"]?.AsArray().Count ?? 0} item(s)",
            "interactive" => $"Tapped: {Text(payload?[Text(payload?["type"]) ?? ""]?["title"]) ?? Text(payload?["type"])}",
            "button" => $"Tapped: {Text(payload?["text"])}",
            _ => $"[{type}]",
        };
    }

    private static SandboxCustomerResult Refused(string error) => new(null, error);

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static bool IsNumber(JsonNode? node) =>
        node is JsonValue value && (value.GetValueKind() == JsonValueKind.Number
            || (value.GetValueKind() == JsonValueKind.String && double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out _)));

    private static string Digits(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    [GeneratedRegex("^[0-9]{6,20}$")]
    private static partial Regex WaIdPattern();

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox customer sent a {Type} message to phone number {PhoneNumberId}")]
    private partial void LogSent(string type, string phoneNumberId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox queued a {Status} status for phone number {PhoneNumberId}")]
    private partial void LogStatus(string status, string phoneNumberId);
}
