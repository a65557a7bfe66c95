using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Chatobuy.Inbox.Sandbox.State;

namespace Chatobuy.Inbox.Sandbox.Rules;

/// <summary>
/// The checks Meta runs on <c>POST /{phone-number-id}/messages</c> (reference §3.1–3.5): envelope, recipient, the
/// object of each type, and the interactive limits. Count and uniqueness limits answer 131009, a missing parameter
/// 131008, a wrong kind or format 100.
/// </summary>
public static partial class SandboxMessageRules
{
    public const int MaxTextBody = 4096;
    public const int MaxCaption = 1024;
    public const int MaxCallbackDataBytes = 512;

    public static readonly IReadOnlyList<string> Types =
        ["text", "image", "audio", "video", "document", "sticker", "location", "contacts", "interactive", "template", "reaction"];

    private static readonly string[] CaptionTypes = ["image", "video", "document"];
    private static readonly string[] InteractiveTypes =
        ["button", "list", "cta_url", "flow", "product", "product_list", "catalog_message", "location_request_message"];

    /// <summary>
    /// The send, or the first problem Meta would report. Product messages are checked against <paramref name="catalog"/>,
    /// the catalog linked to the sending number's account (null when none is).
    /// </summary>
    public static (SandboxOutboundRequest? Request, SandboxSendProblem? Problem) Validate(JsonObject body, SandboxMediaStore media, SandboxCatalogInfo? catalog)
    {
        if (Str(body["recipient_type"]) is { } recipientType && recipientType != "individual")
        {
            return Fail(recipientType == "group" ? 131009 : 100, $"Param recipient_type must be individual (the Sandbox has no groups), not {recipientType}");
        }

        string input;
        string waId;
        if (body["to"] is { } toNode)
        {
            if (Str(toNode) is not { Length: > 0 } to || !PhonePattern().IsMatch(to.Trim()))
            {
                return Fail(100, "Param to must be a phone number: digits with the country code, optionally starting with +");
            }

            input = to;
            waId = new string(to.Where(char.IsAsciiDigit).ToArray());
            if (waId.Length is < 6 or > 20)
            {
                return Fail(131009, "Param to must have 6 to 20 digits");
            }
        }
        else if (body["recipient"] is { } recipientNode)
        {
            if (Str(recipientNode) is not { Length: > 0 and <= 128 } recipient)
            {
                return Fail(100, "Param recipient must be a business-scoped user id");
            }

            input = recipient;
            waId = recipient;
        }
        else
        {
            return Fail(131008, "The parameter to is required.");
        }

        var type = body["type"] is null ? "text" : Str(body["type"]);
        if (type is null || !Types.Contains(type))
        {
            return Fail(100, $"Param type must be one of {{{string.Join(", ", Types)}}}");
        }

        if (type == "contacts")
        {
            var (cards, contactsProblem) = CheckContacts(body["contacts"]);
            if (cards is null)
            {
                return (null, contactsProblem);
            }
        }
        else if (body[type] is not JsonObject)
        {
            return body[type] is null ? Fail(131008, $"The parameter {type} is required.") : Fail(100, $"Param {type} must be an object");
        }

        var content = body[type]!;

        string? replyToId = null;
        if (body["context"] is { } contextNode)
        {
            if (contextNode is not JsonObject context)
            {
                return Fail(100, "Param context must be an object");
            }

            replyToId = Str(context["message_id"]);
            if (string.IsNullOrEmpty(replyToId))
            {
                return Fail(131008, "The parameter context['message_id'] is required.");
            }
        }

        string? callbackData = null;
        if (body["biz_opaque_callback_data"] is { } callbackNode)
        {
            callbackData = Str(callbackNode);
            if (callbackData is null)
            {
                return Fail(100, "Param biz_opaque_callback_data must be a string");
            }

            if (Encoding.UTF8.GetByteCount(callbackData) > MaxCallbackDataBytes)
            {
                return Fail(100, $"Param biz_opaque_callback_data must be at most {MaxCallbackDataBytes} bytes long");
            }
        }

        var problem = (type, content) switch
        {
            ("contacts", _) => null,
            ("text", JsonObject text) => CheckText(text),
            ("location", JsonObject location) => CheckLocation(location),
            ("reaction", JsonObject reaction) => CheckReaction(reaction),
            ("interactive", JsonObject interactive) => CheckInteractive(interactive, media, catalog),
            ("template", JsonObject template) => CheckTemplate(template),
            (_, JsonObject file) => CheckMedia(type, file, media, "", allowCaption: CaptionTypes.Contains(type)),
            _ => Problem(100, $"Param {type} must be an object"),
        };

        return problem is null
            ? (new SandboxOutboundRequest(type, content.DeepClone(), input, waId, replyToId, callbackData), null)
            : (null, problem);
    }

    /// <summary>Contacts come as an array, so the caller checks them apart: 1 to 5 cards, each with a formatted name.</summary>
    public static (JsonArray? Cards, SandboxSendProblem? Problem) CheckContacts(JsonNode? node)
    {
        if (node is null)
        {
            return (null, Problem(131008, "The parameter contacts is required."));
        }

        if (node is not JsonArray cards)
        {
            return (null, Problem(100, "Param contacts must be an array of contact cards"));
        }

        if (cards.Count is < 1 or > 5)
        {
            return (null, Problem(131009, "Param contacts must have 1 to 5 contact cards"));
        }

        for (var i = 0; i < cards.Count; i++)
        {
            if (cards[i] is not JsonObject card || card["name"] is not JsonObject name || Str(name["formatted_name"]) is not { Length: > 0 })
            {
                return (null, Problem(131008, $"The parameter contacts[{i}]['name']['formatted_name'] is required."));
            }
        }

        return ((JsonArray)cards.DeepClone(), null);
    }

    private static SandboxSendProblem? CheckText(JsonObject text)
    {
        if (text["body"] is null)
        {
            return Problem(131008, "The parameter text['body'] is required.");
        }

        if (Str(text["body"]) is not { } body)
        {
            return Problem(100, "Param text['body'] must be a string");
        }

        if (body.Trim().Length == 0)
        {
            return Problem(131009, "Param text['body'] must not be empty");
        }

        if (body.Length > MaxTextBody)
        {
            return Problem(100, $"Param text['body'] must be at most {MaxTextBody} characters long");
        }

        if (text["preview_url"] is { } preview && preview.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            return Problem(100, "Param text['preview_url'] must be a boolean");
        }

        return null;
    }

    private static SandboxSendProblem? CheckMedia(string type, JsonObject content, SandboxMediaStore media, string path, bool allowCaption)
    {
        var name = $"{path}{type}";
        var id = content["id"];
        var link = content["link"];
        if (id is null && link is null)
        {
            return Problem(131008, $"The parameter {name}['id'] or {name}['link'] is required.");
        }

        if (id is not null && link is not null)
        {
            return Problem(100, $"Param {name} must have either id or link, not both");
        }

        if (id is not null)
        {
            if (Str(id) is not { Length: > 0 } mediaId)
            {
                return Problem(100, $"Param {name}['id'] must be a media id");
            }

            if (media.Find(mediaId) is not { } stored)
            {
                return Problem(131009, $"Param {name}['id'] is not a valid media id: media {mediaId} does not exist or was deleted");
            }

            if (SandboxMediaRules.KindOf(stored.MimeType)?.Name is { } kind && kind != type)
            {
                return Problem(131053, $"Media {mediaId} is {stored.MimeType}, which cannot be sent as {type}");
            }
        }
        else if (Str(link) is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return Problem(100, $"Param {name}['link'] must be an http or https URL");
        }

        if (content["caption"] is { } captionNode)
        {
            if (!allowCaption)
            {
                return Problem(100, $"Param {name}['caption'] is not allowed: only image, video and document messages take a caption");
            }

            if (Str(captionNode) is not { } caption || caption.Length > MaxCaption)
            {
                return Problem(100, $"Param {name}['caption'] must be a string of at most {MaxCaption} characters");
            }
        }

        if (content["filename"] is { } fileName && (type != "document" || Str(fileName) is null))
        {
            return Problem(100, $"Param {name}['filename'] is only allowed on a document, as a string");
        }

        return null;
    }

    private static SandboxSendProblem? CheckLocation(JsonObject location)
    {
        foreach (var (field, limit) in (ReadOnlySpan<(string, double)>)[("latitude", 90), ("longitude", 180)])
        {
            if (location[field] is null)
            {
                return Problem(131008, $"The parameter location['{field}'] is required.");
            }

            if (Number(location[field]) is not { } value || Math.Abs(value) > limit)
            {
                return Problem(100, $"Param location['{field}'] must be a number between -{limit} and {limit}");
            }
        }

        return null;
    }

    private static SandboxSendProblem? CheckReaction(JsonObject reaction)
    {
        if (Str(reaction["message_id"]) is not { Length: > 0 })
        {
            return Problem(131008, "The parameter reaction['message_id'] is required.");
        }

        if (reaction["emoji"] is null)
        {
            return Problem(131008, "The parameter reaction['emoji'] is required.");
        }

        if (Str(reaction["emoji"]) is not { } emoji || emoji.Length > 16 || emoji.Any(char.IsAsciiLetterOrDigit))
        {
            return Problem(131009, "Param reaction['emoji'] must be a single emoji, or empty to remove the reaction");
        }

        return null;
    }

    private static SandboxSendProblem? CheckTemplate(JsonObject template)
    {
        if (Str(template["name"]) is not { Length: > 0 })
        {
            return Problem(131008, "The parameter template['name'] is required.");
        }

        if (template["language"] is not JsonObject language || Str(language["code"]) is not { Length: > 0 })
        {
            return Problem(131008, "The parameter template['language']['code'] is required.");
        }

        return null;
    }

    private static SandboxSendProblem? CheckInteractive(JsonObject interactive, SandboxMediaStore media, SandboxCatalogInfo? catalog)
    {
        if (interactive["type"] is null)
        {
            return Problem(131008, "The parameter interactive['type'] is required.");
        }

        if (Str(interactive["type"]) is not { } itype || !InteractiveTypes.Contains(itype))
        {
            return Problem(100, $"Param interactive['type'] must be one of {{{string.Join(", ", InteractiveTypes)}}}");
        }

        if (interactive["header"] is { } headerNode && CheckHeader(itype, headerNode, media) is { } headerProblem)
        {
            return headerProblem;
        }

        if (interactive["body"] is { } bodyNode)
        {
            if (CheckTextObject(bodyNode, "interactive['body']", 1024) is { } bodyProblem)
            {
                return bodyProblem;
            }
        }
        else if (itype != "product")
        {
            return Problem(131008, "The parameter interactive['body'] is required.");
        }

        if (itype == "product_list" && interactive["header"] is null)
        {
            return Problem(131008, "The parameter interactive['header'] is required on product_list messages (a text header).");
        }

        if (interactive["footer"] is { } footerNode && CheckTextObject(footerNode, "interactive['footer']", 60) is { } footerProblem)
        {
            return footerProblem;
        }

        if (interactive["action"] is not JsonObject action)
        {
            return interactive["action"] is null
                ? Problem(131008, "The parameter interactive['action'] is required.")
                : Problem(100, "Param interactive['action'] must be an object");
        }

        return itype switch
        {
            "button" => CheckButtons(action),
            "list" => CheckList(action),
            "cta_url" => CheckCtaUrl(action),
            "product" => CheckProduct(action, catalog),
            "product_list" => CheckProductList(action, catalog),
            "catalog_message" => CheckCatalogMessage(action, catalog),
            "location_request_message" => Str(action["name"]) == "send_location"
                ? null
                : Problem(100, "Param interactive['action']['name'] must be send_location"),
            _ => null,
        };
    }

    /// <summary>Commerce reference §3.1: the account's catalog and one of its products.</summary>
    private static SandboxSendProblem? CheckProduct(JsonObject action, SandboxCatalogInfo? catalog)
    {
        if (CheckCatalogId(action, catalog) is { } catalogProblem)
        {
            return catalogProblem;
        }

        if (Str(action["product_retailer_id"]) is not { Length: > 0 } retailerId)
        {
            return Problem(131008, "The parameter interactive['action']['product_retailer_id'] is required.");
        }

        return catalog!.Find(retailerId) is null
            ? Problem(131009, $"Products not found in catalog {catalog.Id}: {retailerId} (interactive['action']['product_retailer_id'])")
            : null;
    }

    /// <summary>
    /// Commerce reference §3.3: the whole catalog of the account, so one must be linked; the thumbnail, when named, is
    /// one of its products.
    /// </summary>
    private static SandboxSendProblem? CheckCatalogMessage(JsonObject action, SandboxCatalogInfo? catalog)
    {
        if (catalog is null)
        {
            return NoCatalog();
        }

        return Str(action["parameters"]?["thumbnail_product_retailer_id"]) is { Length: > 0 } thumbnail && catalog.Find(thumbnail) is null
            ? Problem(131009, $"Products not found in catalog {catalog.Id}: {thumbnail} (interactive['action']['parameters']['thumbnail_product_retailer_id'])")
            : null;
    }

    private static SandboxSendProblem NoCatalog() =>
        Problem(131009, "No product catalog is linked to this WhatsApp Business Account; link one in Commerce Manager before sending products");

    /// <summary>
    /// Commerce reference §3.2 and §3.4: the account's catalog, 1–10 sections (titled when more than one, ≤ 24
    /// characters), each with products, at most 30 products in all, every one in the catalog.
    /// </summary>
    private static SandboxSendProblem? CheckProductList(JsonObject action, SandboxCatalogInfo? catalog)
    {
        if (CheckCatalogId(action, catalog) is { } catalogProblem)
        {
            return catalogProblem;
        }

        if (action["sections"] is not JsonArray sections)
        {
            return Problem(131008, "The parameter interactive['action']['sections'] is required.");
        }

        if (sections.Count is < 1 or > 10)
        {
            return Problem(131009, $"Param interactive['action']['sections'] must have 1 to 10 sections, not {sections.Count}");
        }

        var total = 0;
        var missing = new List<string>();
        for (var s = 0; s < sections.Count; s++)
        {
            var name = $"interactive['action']['sections'][{s}]";
            if (sections[s] is not JsonObject section || section["product_items"] is not JsonArray items)
            {
                return Problem(131008, $"The parameter {name}['product_items'] is required.");
            }

            var title = Str(section["title"]);
            if (sections.Count > 1 && string.IsNullOrWhiteSpace(title))
            {
                return Problem(131008, $"The parameter {name}['title'] is required when there is more than one section.");
            }

            if (title is { Length: > 24 })
            {
                return Problem(131009, $"Param {name}['title'] must be at most 24 characters long");
            }

            if (items.Count == 0)
            {
                return Problem(131009, $"Param {name}['product_items'] must have at least one product");
            }

            total += items.Count;
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is not JsonObject item || Str(item["product_retailer_id"]) is not { Length: > 0 } retailerId)
                {
                    return Problem(131008, $"The parameter {name}['product_items'][{i}]['product_retailer_id'] is required.");
                }

                if (catalog!.Find(retailerId) is null && !missing.Contains(retailerId))
                {
                    missing.Add(retailerId);
                }
            }
        }

        if (total > 30)
        {
            return Problem(131009, $"A multi-product message may have at most 30 products in all, not {total}");
        }

        return missing.Count > 0
            ? Problem(131009, $"Products not found in catalog {catalog!.Id}: {string.Join(", ", missing)}")
            : null;
    }

    /// <summary>The catalog a product message names must be the one linked to the account (commerce reference §3).</summary>
    private static SandboxSendProblem? CheckCatalogId(JsonObject action, SandboxCatalogInfo? catalog)
    {
        if (Str(action["catalog_id"]) is not { Length: > 0 } catalogId)
        {
            return Problem(131008, "The parameter interactive['action']['catalog_id'] is required.");
        }

        if (catalog is null)
        {
            return NoCatalog();
        }

        return catalogId == catalog.Id
            ? null
            : Problem(100, $"Param interactive['action']['catalog_id'] must be the catalog linked to this WhatsApp Business Account ({catalog.Id}), not {catalogId}");
    }

    private static SandboxSendProblem? CheckHeader(string itype, JsonNode headerNode, SandboxMediaStore media)
    {
        if (headerNode is not JsonObject header || Str(header["type"]) is not { } htype)
        {
            return Problem(131008, "The parameter interactive['header']['type'] is required.");
        }

        if (itype is "product" or "catalog_message" or "location_request_message")
        {
            return Problem(131009, $"Param interactive['header'] is not allowed on {itype} messages");
        }

        if (htype == "text")
        {
            return Str(header["text"]) is not { Length: > 0 } text
                ? Problem(131008, "The parameter interactive['header']['text'] is required.")
                : text.Length > 60 ? Problem(100, "Param interactive['header']['text'] must be at most 60 characters long") : null;
        }

        if (htype is not ("image" or "video" or "document"))
        {
            return Problem(100, "Param interactive['header']['type'] must be one of {text, image, video, document}");
        }

        if (itype != "button")
        {
            return Problem(131009, $"Param interactive['header']['type'] must be text on {itype} messages");
        }

        return header[htype] is JsonObject headerMedia
            ? CheckMedia(htype, headerMedia, media, "interactive['header']", allowCaption: false)
            : Problem(131008, $"The parameter interactive['header']['{htype}'] is required.");
    }

    private static SandboxSendProblem? CheckTextObject(JsonNode node, string name, int limit)
    {
        if (node is not JsonObject textObject || Str(textObject["text"]) is not { } text)
        {
            return Problem(131008, $"The parameter {name}['text'] is required.");
        }

        if (text.Trim().Length == 0)
        {
            return Problem(131009, $"Param {name}['text'] must not be empty");
        }

        return text.Length > limit ? Problem(100, $"Param {name}['text'] must be at most {limit} characters long") : null;
    }

    private static SandboxSendProblem? CheckButtons(JsonObject action)
    {
        if (action["buttons"] is not JsonArray buttons)
        {
            return Problem(131008, "The parameter interactive['action']['buttons'] is required.");
        }

        if (buttons.Count is < 1 or > 3)
        {
            return Problem(131009, $"Param interactive['action']['buttons'] must have 1 to 3 buttons, not {buttons.Count}");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var titles = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < buttons.Count; i++)
        {
            var name = $"interactive['action']['buttons'][{i}]";
            if (buttons[i] is not JsonObject button || button["reply"] is not JsonObject reply)
            {
                return Problem(131008, $"The parameter {name}['reply'] is required.");
            }

            if (Str(button["type"]) is { } buttonType && buttonType != "reply")
            {
                return Problem(100, $"Param {name}['type'] must be reply");
            }

            if (Str(reply["id"]) is not { Length: > 0 } id)
            {
                return Problem(131008, $"The parameter {name}['reply']['id'] is required.");
            }

            if (Str(reply["title"]) is not { } title || title.Trim().Length == 0)
            {
                return Problem(131008, $"The parameter {name}['reply']['title'] is required.");
            }

            if (id.Length > 256 || id != id.Trim())
            {
                return Problem(131009, $"Param {name}['reply']['id'] must be at most 256 characters, without leading or trailing spaces");
            }

            if (title.Length > 20)
            {
                return Problem(131009, $"Param {name}['reply']['title'] must be at most 20 characters long");
            }

            if (!ids.Add(id) || !titles.Add(title))
            {
                return Problem(131009, "Buttons must have unique ids and titles");
            }
        }

        return null;
    }

    private static SandboxSendProblem? CheckList(JsonObject action)
    {
        if (Str(action["button"]) is not { } label || label.Trim().Length == 0)
        {
            return Problem(131008, "The parameter interactive['action']['button'] is required.");
        }

        if (label.Length > 20)
        {
            return Problem(131009, "Param interactive['action']['button'] must be at most 20 characters long");
        }

        if (action["sections"] is not JsonArray sections)
        {
            return Problem(131008, "The parameter interactive['action']['sections'] is required.");
        }

        if (sections.Count is < 1 or > 10)
        {
            return Problem(131009, $"Param interactive['action']['sections'] must have 1 to 10 sections, not {sections.Count}");
        }

        var rowIds = new HashSet<string>(StringComparer.Ordinal);
        var totalRows = 0;
        for (var s = 0; s < sections.Count; s++)
        {
            var name = $"interactive['action']['sections'][{s}]";
            if (sections[s] is not JsonObject section || section["rows"] is not JsonArray rows)
            {
                return Problem(131008, $"The parameter {name}['rows'] is required.");
            }

            var title = Str(section["title"]);
            if (sections.Count > 1 && string.IsNullOrWhiteSpace(title))
            {
                return Problem(131008, $"The parameter {name}['title'] is required when there is more than one section.");
            }

            if (title is { Length: > 24 })
            {
                return Problem(131009, $"Param {name}['title'] must be at most 24 characters long");
            }

            if (rows.Count is < 1 or > 10)
            {
                return Problem(131009, $"Param {name}['rows'] must have 1 to 10 rows, not {rows.Count}");
            }

            totalRows += rows.Count;
            for (var r = 0; r < rows.Count; r++)
            {
                var rowName = $"{name}['rows'][{r}]";
                if (rows[r] is not JsonObject row || Str(row["id"]) is not { Length: > 0 } id)
                {
                    return Problem(131008, $"The parameter {rowName}['id'] is required.");
                }

                if (Str(row["title"]) is not { } rowTitle || rowTitle.Trim().Length == 0)
                {
                    return Problem(131008, $"The parameter {rowName}['title'] is required.");
                }

                if (id.Length > 200)
                {
                    return Problem(131009, $"Param {rowName}['id'] must be at most 200 characters long");
                }

                if (rowTitle.Length > 24)
                {
                    return Problem(131009, $"Param {rowName}['title'] must be at most 24 characters long");
                }

                if (row["description"] is { } description && (Str(description) is not { } text || text.Length > 72))
                {
                    return Problem(131009, $"Param {rowName}['description'] must be at most 72 characters long");
                }

                if (!rowIds.Add(id))
                {
                    return Problem(131009, "List rows must have unique ids");
                }
            }
        }

        return totalRows > 10 ? Problem(131009, $"A list may have at most 10 rows in all, not {totalRows}") : null;
    }

    private static SandboxSendProblem? CheckCtaUrl(JsonObject action)
    {
        if (action["parameters"] is not JsonObject parameters || Str(parameters["display_text"]) is not { Length: > 0 } display)
        {
            return Problem(131008, "The parameter interactive['action']['parameters']['display_text'] is required.");
        }

        if (display.Length > 20)
        {
            return Problem(131009, "Param interactive['action']['parameters']['display_text'] must be at most 20 characters long");
        }

        return Str(parameters["url"]) is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? null
            : Problem(100, "Param interactive['action']['parameters']['url'] must be an http or https URL");
    }

    private static (SandboxOutboundRequest?, SandboxSendProblem?) Fail(int code, string details) => (null, new SandboxSendProblem(code, details));

    private static SandboxSendProblem Problem(int code, string details) => new(code, details);

    internal static string? Str(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static double? Number(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.Number => value.GetValue<double>(),
            JsonValueKind.String when double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        }
        : null;

    [GeneratedRegex(@"^\+?[0-9][0-9 \-()]{4,30}$")]
    private static partial Regex PhonePattern();
}
