using System.Globalization;
using System.Text.Json;
using Chatobuy.Inbox.Features.Conversations;
using static Chatobuy.Inbox.Features.Webhooks.WebhookPayload;

namespace Chatobuy.Inbox.Features.Webhooks;

/// <summary>
/// Reads the messages and statuses of a webhook change (reference §7.3, §7.4) into what the inbox stores, keeping
/// every field.
/// </summary>
public static class InboundMessageMapper
{
    private static readonly HashSet<string> MediaTypes = ["image", "video", "audio", "document", "sticker"];

    /// <summary>The <c>contacts</c> of a change: each sender's profile name and business-scoped user id.</summary>
    public static Dictionary<string, (string? Name, string? UserId)> Senders(JsonElement value) =>
        Array(value, "contacts")
            .Select(c => (Id: String(c, "wa_id") ?? String(c, "user_id"), Name: Child(c, "profile") is { } p ? String(p, "name") : null, UserId: String(c, "user_id")))
            .Where(c => c.Id is not null)
            .GroupBy(c => c.Id!)
            .ToDictionary(g => g.Key, g => (g.First().Name, g.First().UserId));

    /// <summary>One message with who sent it; null without a wamid or a sender, which cannot be stored.</summary>
    public static InboundMessage? Read(JsonElement message, string channelId, Dictionary<string, (string? Name, string? UserId)> senders, DateTimeOffset receivedAt)
    {
        // The sender is from (wa_id), or the business-scoped user id for username-only users.
        if (String(message, "id") is null || (String(message, "from") ?? String(message, "from_user_id")) is not { } sender)
        {
            return null;
        }

        var (name, userId) = senders.GetValueOrDefault(sender);
        var reactsTo = Child(message, "reaction") is { } reaction ? String(reaction, "message_id") : null;
        return new InboundMessage(channelId, sender, name, userId, Map(message, channelId, receivedAt), reactsTo);
    }

    /// <summary>One status report; null when it names no message or no status the inbox knows.</summary>
    public static MessageStatusUpdate? ReadStatus(JsonElement status)
    {
        if (String(status, "id") is not { } id || MessageStatusRules.Parse(String(status, "status")) is not { } parsed)
        {
            return null;
        }

        var error = Array(status, "errors").Select(e => (JsonElement?)e).FirstOrDefault();
        return new MessageStatusUpdate
        {
            WaMessageId = id,
            Status = parsed,
            Timestamp = UnixTime(status, "timestamp") ?? DateTimeOffset.UnixEpoch,
            RecipientId = String(status, "recipient_id") ?? String(status, "recipient_user_id"),
            ErrorCode = error is { } e1 ? (int?)Number(e1, "code") : null,
            ErrorTitle = error is { } e2 ? String(e2, "title") ?? String(e2, "message") : null,
            ErrorDetails = error is { } e3 ? (Child(e3, "error_data") is { } data ? String(data, "details") : null) ?? String(e3, "message") : null,
            PricingJson = Child(status, "pricing")?.GetRawText(),
            ConversationJson = Child(status, "conversation")?.GetRawText(),
            BizOpaqueCallbackData = String(status, "biz_opaque_callback_data"),
        };
    }

    private static Message Map(JsonElement message, string channelId, DateTimeOffset receivedAt)
    {
        var type = String(message, "type") ?? "unknown";
        var body = Child(message, type);
        var result = new Message
        {
            ChannelId = channelId,
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

        result.ReplyId = body is { } tapped ? ReplyIdOf(type, tapped) : null;
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

    /// <summary>What the customer tapped: a reply button's or list row's id, or a template quick-reply's payload.</summary>
    private static string? ReplyIdOf(string type, JsonElement body) => type switch
    {
        "interactive" when String(body, "type") is "button_reply" or "list_reply" && Child(body, String(body, "type")!) is { } reply => String(reply, "id"),
        "button" => String(body, "payload"),
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
