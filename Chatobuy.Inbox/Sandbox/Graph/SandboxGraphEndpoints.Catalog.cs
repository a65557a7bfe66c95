using System.Text.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Sandbox.State;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Sandbox.Graph;

/// <summary>
/// The seeded catalog (commerce reference §1.2–1.3): <c>GET /{waba-id}/product_catalogs</c> (the catalog linked to
/// every Sandbox account), <c>GET /{business-id}/owned_product_catalogs</c>, <c>GET /{catalog-id}</c> and
/// <c>GET /{catalog-id}/products</c> with <c>fields</c>, cursor paging, <c>summary=true</c> and a <c>filter</c> on
/// <c>retailer_id</c> (<c>is_any</c> or <c>eq</c>) or <c>name</c> (<c>i_contains</c>). Prices are display strings.
/// </summary>
public static partial class SandboxGraphEndpoints
{
    private static readonly string[] ProductFields =
        ["id", "retailer_id", "name", "description", "price", "currency", "image_url", "availability"];

    private static readonly IReadOnlyList<string> ProductDefaults = ["id"];

    private static void MapCatalog(RouteGroupBuilder graph)
    {
        graph.MapGet("/{id}/products", GetCatalogProducts);
        graph.MapGet("/{id}/product_catalogs", GetWabaCatalogs);
        graph.MapGet("/{id}/owned_product_catalogs", GetOwnedCatalogs);
    }

    /// <summary>The catalog as a Graph node (<c>ProductCatalog</c>): id, name, vertical, product_count.</summary>
    private static SandboxGraphNode CatalogNode() => new("ProductCatalog", new Dictionary<string, Func<JsonNode?>>
    {
        ["id"] = () => SandboxCatalog.CatalogId,
        ["name"] = () => SandboxCatalog.Name,
        ["vertical"] = () => SandboxCatalog.Vertical,
        ["product_count"] = () => SandboxCatalog.Products.Count,
    });

    private static IResult GetWabaCatalogs(string id, HttpRequest request, SandboxState state, IOptions<SandboxOptions> options)
    {
        if (state.FindWaba(id) is null)
        {
            return state.FindPhoneNumber(id) is not null || id == state.BusinessId
                ? SandboxGraphErrors.NonexistingField("product_catalogs", id == state.BusinessId ? "Business" : "WhatsAppBusinessPhoneNumber")
                : SandboxGraphErrors.UnsupportedRequest("get", id);
        }

        SandboxGraphNode[] catalogs = SandboxCatalog.LinkedTo(state, id) is null ? [] : [CatalogNode()];
        return List(request, catalogs, SandboxGraphNode.ParseFields(request.Query["fields"].FirstOrDefault(), SandboxGraphNode.NamedDefaults), options.Value.PageSize);
    }

    private static IResult GetOwnedCatalogs(string id, HttpRequest request, SandboxState state, IOptions<SandboxOptions> options)
    {
        if (id != state.BusinessId)
        {
            return state.FindWaba(id) is not null
                ? SandboxGraphErrors.NonexistingField("owned_product_catalogs", "WhatsAppBusinessAccount")
                : SandboxGraphErrors.UnsupportedRequest("get", id);
        }

        return List(request, [CatalogNode()], SandboxGraphNode.ParseFields(request.Query["fields"].FirstOrDefault(), SandboxGraphNode.NamedDefaults), options.Value.PageSize);
    }

    private static IResult GetCatalogProducts(string id, HttpRequest request, IOptions<SandboxOptions> options)
    {
        if (id != SandboxCatalog.CatalogId)
        {
            return SandboxGraphErrors.UnsupportedRequest("get", id);
        }

        var fields = SandboxGraphNode.ParseFields(request.Query["fields"].FirstOrDefault(), ProductDefaults);
        if (fields.FirstOrDefault(f => !ProductFields.Contains(f)) is { } unknown)
        {
            return SandboxGraphErrors.NonexistingField(unknown, "ProductItem");
        }

        Func<SandboxProduct, bool> wanted = _ => true;
        if (request.Query["filter"].FirstOrDefault() is { Length: > 0 } filter)
        {
            if (FilterOf(filter) is not { } rule)
            {
                return SandboxGraphErrors.InvalidParameter(
                    "(#100) filter must be a valid JSON rule the Sandbox knows: {\"retailer_id\":{\"is_any\":[\"SKU-1\"]}}, {\"retailer_id\":{\"eq\":\"SKU-1\"}} or {\"name\":{\"i_contains\":\"mug\"}}");
            }

            wanted = rule;
        }

        var baseUri = $"{request.Scheme}://{request.Host}{request.PathBase}";
        var products = SandboxCatalog.Products
            .Where(wanted)
            .Select(p => Product(p, fields, baseUri))
            .ToList();
        var summary = request.Query["summary"].FirstOrDefault() is "true" or "total_count"
            ? new JsonObject { ["total_count"] = products.Count }
            : null;
        return SandboxPaging.Page(request, products, options.Value.PageSize, summary);
    }

    /// <summary>The products a filter asks for; null when the filter is not one the Sandbox understands.</summary>
    private static Func<SandboxProduct, bool>? FilterOf(string filter)
    {
        try
        {
            if (JsonNode.Parse(filter) is not JsonObject root)
            {
                return null;
            }

            if (root["retailer_id"] is JsonObject byId)
            {
                if (byId["is_any"] is JsonArray any)
                {
                    var ids = any.Select(v => v?.GetValue<string>() ?? "").ToHashSet(StringComparer.Ordinal);
                    return p => ids.Contains(p.RetailerId);
                }

                return byId["eq"]?.GetValue<string>() is { } single ? p => p.RetailerId == single : null;
            }

            if (root["name"] is JsonObject byName && byName["i_contains"]?.GetValue<string>() is { } part)
            {
                return p => p.Name.Contains(part, StringComparison.OrdinalIgnoreCase);
            }

            return null;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static JsonObject Product(SandboxProduct product, IReadOnlyList<string> fields, string baseUri)
    {
        var all = new Dictionary<string, string>
        {
            ["id"] = product.Id,
            ["retailer_id"] = product.RetailerId,
            ["name"] = product.Name,
            ["description"] = product.Description,
            ["price"] = product.DisplayPrice,
            ["currency"] = product.Currency,
            ["image_url"] = SandboxCatalog.ImageUrl(baseUri, product),
            ["availability"] = product.Availability,
        };
        var item = new JsonObject();
        foreach (var field in fields.Append("id").Distinct())
        {
            item[field] = all[field];
        }

        return item;
    }
}
