using System.Globalization;
using System.Text.Json;
using Chatobuy.Inbox.Features.Inbox;
using static Chatobuy.Inbox.Features.Webhooks.WebhookPayload;

namespace Chatobuy.Inbox.Features.Webhooks;

/// <summary>Turns one inbound message object (reference §7.3) into a <see cref="Message"/>, keeping every field.</summary>
public static class InboundMessageMapper
{
    private static readonly HashSet<string> MediaTypes = ["image", "video", "audio", "document", "sticker"];

    /// <summary>Who sent it: <c>from</c> (wa_id), or the business-scoped user id for username-only users.</summary>
    public static string? SenderOf(JsonElement message) => String(message, "from") ?? String(message, "from_user_id");

    public static Message Map(JsonElement message, string channelId, long conversationId, DateTimeOffset receivedAt)
    {
        var type = String(message, "type") ?? "unknown";
        var body = Child(message, type);
        var result = new Message
        {
            ChannelId = channelId,
            ConversationId = conversationId,
            WaMessageId = String(message, "id"),
            Direction = MessageDirection.Inbound,
            Type = type,
            Timestamp = UnixTime(message, "timestamp") ?? receivedAt,
            CreatedAt = receivedAt,
            PayloadJson = body?.GetRawText(),
            ReferralJson = Child(message, "referral")?.GetRawText(),
            ErrorsJson = Child(message, "errors")?.GetRawText(),
            Text = body is { } b ? TextOf(type, b) : null,
        };

        if (Child(message, "context") is { } context)
        {
            result.ReplyToWaMessageId = String(context, "id");
            result.Forwarded = Flag(context, "forwarded");
            result.FrequentlyForwarded = Flag(context, "frequently_forwarded");
            if (Child(context, "referred_product") is { } product)
            {
                result.ReferredProductCatalogId = String(product, "catalog_id");
                result.ReferredProductRetailerId = String(product, "product_retailer_id");
            }
        }

        if (MediaTypes.Contains(type) && body is { } media && String(media, "id") is { } mediaId)
        {
            result.MediaId = mediaId;
            result.MediaMimeType = String(media, "mime_type");
            result.MediaSha256 = String(media, "sha256");
            result.MediaFileName = String(media, "filename");
            result.MediaState = MediaState.Pending;
        }

        return result;
    }

    /// <summary>A short line for conversation lists.</summary>
    public static string Preview(Message message)
    {
        var text = message.Text;
        var label = message.Type switch
        {
            "text" => text,
            "image" => Labelled("📷 Photo", text),
            "video" => Labelled("🎥 Video", text),
            "audio" => message.PayloadJson?.Contains("\"voice\":true", StringComparison.Ordinal) == true ? "🎤 Voice message" : "🎵 Audio",
            "document" => Labelled("📄 " + (message.MediaFileName ?? "Document"), text),
            "sticker" => "Sticker",
            "location" => Labelled("📍 Location", text),
            "contacts" => Labelled("👤 Contact", text),
            "order" => Labelled("🛒 Order", text),
            _ => text ?? "Unsupported message",
        };
        label ??= "";
        return label.Length <= 200 ? label : label[..197] + "...";
    }

    private static string Labelled(string label, string? text) => string.IsNullOrWhiteSpace(text) ? label : $"{label}: {text}";

    private static string? TextOf(string type, JsonElement body) => type switch
    {
        "text" => String(body, "body"),
        "image" or "video" or "document" => String(body, "caption"),
        "location" => JoinNonEmpty(", ", String(body, "name"), String(body, "address"))
            ?? string.Create(CultureInfo.InvariantCulture, $"{String(body, "latitude")}, {String(body, "longitude")}"),
        "contacts" => body.ValueKind == JsonValueKind.Array
            ? JoinNonEmpty(", ", body.EnumerateArray().Select(c => Child(c, "name") is { } name ? String(name, "formatted_name") : null).ToArray())
            : null,
        "interactive" => InteractiveText(body),
        "button" => String(body, "text"),
        "order" => OrderText(body),
        "reaction" => String(body, "emoji"),
        "system" => String(body, "body"),
        _ => null,
    };

    private static string? InteractiveText(JsonElement body)
    {
        var kind = String(body, "type");
        return kind is not null && Child(body, kind) is { } reply
            ? String(reply, "title") ?? String(reply, "body") ?? String(reply, "name")
            : null;
    }

    private static string OrderText(JsonElement body)
    {
        var items = Array(body, "product_items").ToList();
        var quantity = items.Sum(i => Number(i, "quantity") ?? 1);
        var summary = $"{quantity} item{(quantity == 1 ? "" : "s")}";
        return String(body, "text") is { Length: > 0 } note ? $"{summary}: {note}" : summary;
    }

    private static string? JoinNonEmpty(string separator, params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return present.Count == 0 ? null : string.Join(separator, present);
    }
}
