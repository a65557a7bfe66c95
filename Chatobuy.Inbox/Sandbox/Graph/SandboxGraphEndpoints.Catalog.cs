using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Sandbox.State;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Sandbox.Graph;

/// <summary>
/// The seeded catalog's products (commerce reference §1.3): <c>GET /{catalog-id}/products</c> with <c>fields</c>,
/// cursor paging and a <c>filter</c> on <c>retailer_id</c> (<c>is_any</c> or <c>eq</c>). Prices are display strings.
/// </summary>
public static partial class SandboxGraphEndpoints
{
    private static readonly string[] ProductFields = ["id", "retailer_id", "name", "description", "price", "currency", "availability"];

    private static void MapCatalog(RouteGroupBuilder graph) => graph.MapGet("/{id}/products", GetCatalogProducts);

    private static IResult GetCatalogProducts(string id, HttpRequest request, IOptions<SandboxOptions> options)
    {
        if (id != SandboxCatalog.CatalogId)
        {
            return SandboxGraphErrors.UnsupportedRequest("get", id);
        }

        var fields = (request.Query["fields"].FirstOrDefault() ?? "id").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.FirstOrDefault(f => !ProductFields.Contains(f)) is { } unknown)
        {
            return SandboxGraphErrors.NonexistingField(unknown, "ProductItem");
        }

        IReadOnlyCollection<string>? wanted = null;
        if (request.Query["filter"].FirstOrDefault() is { Length: > 0 } filter)
        {
            wanted = RetailerIdsOf(filter);
            if (wanted is null)
            {
                return SandboxGraphErrors.InvalidParameter("(#100) filter must be a valid JSON rule, e.g. {\"retailer_id\":{\"is_any\":[\"SKU-1\"]}}");
            }
        }

        var products = SandboxCatalog.Products
            .Where(p => wanted is null || wanted.Contains(p.RetailerId))
            .Select(p => Product(p, fields))
            .ToList();
        return SandboxPaging.Page(request, products, options.Value.PageSize);
    }

    /// <summary>The retailer ids a filter asks for; null when the filter is not one the Sandbox understands.</summary>
    private static HashSet<string>? RetailerIdsOf(string filter)
    {
        try
        {
            if (JsonNode.Parse(filter)?["retailer_id"] is not JsonObject rule)
            {
                return null;
            }

            if (rule["is_any"] is JsonArray any)
            {
                return any.Select(v => v?.GetValue<string>() ?? "").ToHashSet(StringComparer.Ordinal);
            }

            return rule["eq"]?.GetValue<string>() is { } single ? [single] : null;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static JsonObject Product(SandboxProduct product, IReadOnlyCollection<string> fields)
    {
        var all = new Dictionary<string, string>
        {
            ["id"] = product.Id,
            ["retailer_id"] = product.RetailerId,
            ["name"] = product.Name,
            ["description"] = product.Name,
            ["price"] = DisplayPrice(product),
            ["currency"] = product.Currency,
            ["availability"] = "in stock",
        };
        var item = new JsonObject();
        foreach (var field in fields.Append("id").Distinct())
        {
            item[field] = all[field];
        }

        return item;
    }

    /// <summary>Meta's price is a display string with the currency symbol ("$12.50"), not a number.</summary>
    private static string DisplayPrice(SandboxProduct product) =>
        product.Currency == "USD"
            ? "$" + product.Price.ToString("0.00", CultureInfo.InvariantCulture)
            : product.Price.ToString("0.00", CultureInfo.InvariantCulture) + " " + product.Currency;
}
