using System.Text.Json.Nodes;
using Chatobuy.Inbox.Sandbox.Rules;

namespace Chatobuy.Inbox.Sandbox.Customer;

/// <summary>
/// What the customer's phone shows of a business's interactive message, read from the object the Sandbox accepted
/// (reference §3.4, commerce reference §3): header, body, footer, and the type's reply buttons, list, URL button,
/// location request or products. Anything missing reads as empty: the send rules checked the object already.
/// </summary>
public sealed record SandboxInteractiveView(
    string Type,
    SandboxInteractiveHeader? Header,
    string? Body,
    string? Footer,
    IReadOnlyList<SandboxInteractiveRow> Buttons,
    string? ListButton,
    IReadOnlyList<SandboxInteractiveSection> Sections,
    string? CtaText,
    string? CtaUrl,
    string? CatalogId,
    string? ProductRetailerId)
{
    public bool IsProducts => Type is "product" or "product_list";

    /// <summary>Every product the message shows, in order, without repeats.</summary>
    public IReadOnlyList<string> RetailerIds =>
        ProductRetailerId is { } single ? [single] : Sections.SelectMany(s => s.RetailerIds).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The reply button or list row with this callback id; null when the message has none.</summary>
    public SandboxInteractiveRow? Choice(string id) =>
        Buttons.Concat(Sections.SelectMany(s => s.Rows)).FirstOrDefault(r => r.Id == id);

    public static SandboxInteractiveView Parse(JsonNode content)
    {
        var action = content["action"] as JsonObject ?? [];
        SandboxInteractiveHeader? header = null;
        if (content["header"] is JsonObject headerObject && Text(headerObject["type"]) is { } headerType)
        {
            var media = headerObject[headerType] as JsonObject;
            header = new SandboxInteractiveHeader(
                headerType,
                Text(headerObject["text"]),
                Text(media?["id"]),
                Text(media?["link"]),
                Text(media?["filename"]));
        }

        var buttons = (action["buttons"] as JsonArray ?? [])
            .Select(b => b?["reply"])
            .Where(r => Text(r?["id"]) is not null)
            .Select(r => new SandboxInteractiveRow(Text(r!["id"])!, Text(r["title"]) ?? ""))
            .ToList();
        var sections = (action["sections"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(s => new SandboxInteractiveSection(
                Text(s["title"]),
                (s["rows"] as JsonArray ?? [])
                    .Where(r => Text(r?["id"]) is not null)
                    .Select(r => new SandboxInteractiveRow(Text(r!["id"])!, Text(r["title"]) ?? "", Text(r["description"])))
                    .ToList(),
                (s["product_items"] as JsonArray ?? [])
                    .Select(p => Text(p?["product_retailer_id"]))
                    .OfType<string>()
                    .ToList()))
            .ToList();
        var parameters = action["parameters"] as JsonObject;
        return new SandboxInteractiveView(
            Text(content["type"]) ?? "",
            header,
            Text(content["body"]?["text"]),
            Text(content["footer"]?["text"]),
            buttons,
            Text(action["button"]),
            sections,
            Text(parameters?["display_text"]),
            Text(parameters?["url"]),
            Text(action["catalog_id"]),
            Text(action["product_retailer_id"]));
    }

    private static string? Text(JsonNode? node) => SandboxMessageRules.Str(node);
}
