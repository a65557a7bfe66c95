using System.Text.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Sandbox.State;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Sandbox.Graph;

/// <summary>
/// The business's catalogs (commerce reference §1–2): <c>GET /{business-id}/owned_product_catalogs</c>,
/// <c>GET /{business-id}/client_product_catalogs</c> (none are shared), <c>GET/POST/DELETE /{waba-id}/product_catalogs</c> (the account's one linked catalog; link with <c>catalog_id</c>,
/// a second one is refused with subcode 2388027), <c>GET /{catalog-id}</c>, <c>GET /{catalog-id}/products</c> with
/// <c>fields</c>, cursor paging, <c>summary=true</c> and a <c>filter</c> on <c>retailer_id</c> (<c>is_any</c> or
/// <c>eq</c>) or <c>name</c> (<c>i_contains</c>), and <c>GET/POST /{phone-number-id}/whatsapp_commerce_settings</c>.
/// Prices are display strings.
/// </summary>
public static partial class SandboxGraphEndpoints
{
    private const string CatalogsEdge = "product_catalogs";
    private const string CommerceEdge = "whatsapp_commerce_settings";

    private static readonly string[] ProductFields =
        ["id", "retailer_id", "name", "description", "price", "currency", "image_url", "availability"];

    private static readonly IReadOnlyList<string> ProductDefaults = ["id"];

    private static void MapCatalog(RouteGroupBuilder graph)
    {
        graph.MapGet("/{id}/products", GetCatalogProducts);
        graph.MapGet("/{id}/" + CatalogsEdge, GetWabaCatalogs);
        graph.MapPost("/{id}/" + CatalogsEdge, LinkCatalogAsync);
        graph.MapDelete("/{id}/" + CatalogsEdge, UnlinkCatalog);
        graph.MapGet("/{id}/owned_product_catalogs", GetOwnedCatalogs);
        graph.MapGet("/{id}/client_product_catalogs", GetClientCatalogs);
        graph.MapGet("/{id}/" + CommerceEdge, GetCommerceSettings);
        graph.MapPost("/{id}/" + CommerceEdge, PostCommerceSettingsAsync);
    }

    /// <summary>A catalog as a Graph node (<c>ProductCatalog</c>): id, name, vertical, product_count.</summary>
    private static SandboxGraphNode CatalogNode(SandboxCatalogInfo catalog) => new("ProductCatalog", new Dictionary<string, Func<JsonNode?>>
    {
        ["id"] = () => catalog.Id,
        ["name"] = () => catalog.Name,
        ["vertical"] = () => catalog.Vertical,
        ["product_count"] = () => catalog.Products.Count,
    });

    private static IResult GetWabaCatalogs(string id, HttpRequest request, SandboxState state, SandboxCatalogs catalogs, IOptions<SandboxOptions> options)
    {
        if (NotAnAccount(id, "get", state) is { } refused)
        {
            return refused;
        }

        SandboxGraphNode[] linked = catalogs.LinkedTo(id) is { } catalog ? [CatalogNode(catalog)] : [];
        return List(request, linked, SandboxGraphNode.ParseFields(request.Query["fields"].FirstOrDefault(), SandboxGraphNode.NamedDefaults), options.Value.PageSize);
    }

    /// <summary>Commerce reference §1.2: links <c>catalog_id</c> (form field or query) → <c>{"success":true}</c>.</summary>
    private static async Task<IResult> LinkCatalogAsync(
        string id,
        HttpRequest request,
        SandboxState state,
        SandboxCatalogs catalogs,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        if (NotAnAccount(id, "post", state) is { } refused)
        {
            return refused;
        }

        var read = await ReadParametersAsync(request, cancellationToken);
        if (read.Body is not { } body)
        {
            return read.Error!;
        }

        if (body.Select(p => p.Key).FirstOrDefault(k => k != "catalog_id") is { } unknown)
        {
            return SandboxGraphErrors.InvalidParameter($"(#100) Param {unknown} is not a valid parameter");
        }

        if (Text(body["catalog_id"]) is not { Length: > 0 } catalogId)
        {
            return SandboxGraphErrors.InvalidParameter("(#100) The parameter catalog_id is required");
        }

        var outcome = catalogs.Link(id, catalogId);
        if (outcome == SandboxLinkOutcome.Linked)
        {
            loggerFactory.CreateLogger(typeof(SandboxGraphEndpoints)).LogInformation("Sandbox catalog {CatalogId} linked to WABA {WabaId}", catalogId, id);
        }

        return LinkAnswer(outcome, catalogId);
    }

    /// <summary>Commerce reference §1.2: <c>DELETE /{waba-id}/product_catalogs?catalog_id=</c> → <c>{"success":true}</c>.</summary>
    private static IResult UnlinkCatalog(string id, HttpRequest request, SandboxState state, SandboxCatalogs catalogs, ILoggerFactory loggerFactory)
    {
        if (NotAnAccount(id, "delete", state) is { } refused)
        {
            return refused;
        }

        if (request.Query["catalog_id"].FirstOrDefault() is not { Length: > 0 } catalogId)
        {
            return SandboxGraphErrors.InvalidParameter("(#100) The parameter catalog_id is required");
        }

        var outcome = catalogs.Unlink(id, catalogId);
        if (outcome == SandboxLinkOutcome.Linked)
        {
            loggerFactory.CreateLogger(typeof(SandboxGraphEndpoints)).LogInformation("Sandbox catalog {CatalogId} unlinked from WABA {WabaId}", catalogId, id);
        }

        return LinkAnswer(outcome, catalogId);
    }

    private static IResult LinkAnswer(SandboxLinkOutcome outcome, string catalogId) => outcome switch
    {
        SandboxLinkOutcome.Linked => Success(),
        SandboxLinkOutcome.ForeignCatalog => SandboxGraphErrors.PermissionDenied(
            $"(#200) The user does not have permission to manage catalog {catalogId}: assign the catalog to the system user with catalog_management"),
        SandboxLinkOutcome.AlreadyLinked => SandboxGraphErrors.Refused(
            2388027,
            "Too many catalogs",
            "WhatsApp Business Account should have maximum one product catalogue. Disconnect the current catalog first."),
        SandboxLinkOutcome.NotLinked => SandboxGraphErrors.InvalidParameter(
            $"(#100) Catalog {catalogId} is not linked to this WhatsApp Business Account"),
        _ => SandboxGraphErrors.InvalidParameter(
            $"(#100) Param catalog_id must be the id of a product catalog this business can use; {catalogId} does not exist or cannot be loaded"),
    };

    /// <summary>Null for a known account; otherwise Graph's answer for that id (a field of another node, or no such object).</summary>
    private static IResult? NotAnAccount(string id, string method, SandboxState state)
    {
        if (state.FindWaba(id) is not null)
        {
            return null;
        }

        return state.FindPhoneNumber(id) is not null || id == state.BusinessId
            ? SandboxGraphErrors.NonexistingField(CatalogsEdge, id == state.BusinessId ? "Business" : "WhatsAppBusinessPhoneNumber")
            : SandboxGraphErrors.UnsupportedRequest(method, id);
    }

    private static IResult GetOwnedCatalogs(string id, HttpRequest request, SandboxState state, SandboxCatalogs catalogs, IOptions<SandboxOptions> options)
    {
        if (id != state.BusinessId)
        {
            return state.FindWaba(id) is not null
                ? SandboxGraphErrors.NonexistingField("owned_product_catalogs", "WhatsAppBusinessAccount")
                : SandboxGraphErrors.UnsupportedRequest("get", id);
        }

        return List(request, catalogs.Owned.Select(CatalogNode), SandboxGraphNode.ParseFields(request.Query["fields"].FirstOrDefault(), SandboxGraphNode.NamedDefaults), options.Value.PageSize);
    }

    /// <summary>Catalogs other businesses share with this one: none in the Sandbox.</summary>
    private static IResult GetClientCatalogs(string id, HttpRequest request, SandboxState state, IOptions<SandboxOptions> options)
    {
        if (id != state.BusinessId)
        {
            return state.FindWaba(id) is not null
                ? SandboxGraphErrors.NonexistingField("client_product_catalogs", "WhatsAppBusinessAccount")
                : SandboxGraphErrors.UnsupportedRequest("get", id);
        }

        return List(request, [], SandboxGraphNode.ParseFields(request.Query["fields"].FirstOrDefault(), SandboxGraphNode.NamedDefaults), options.Value.PageSize);
    }

    private static IResult GetCatalogProducts(string id, HttpRequest request, SandboxCatalogs catalogs, IOptions<SandboxOptions> options)
    {
        if (id == SandboxCatalogs.ForeignCatalogId)
        {
            return SandboxGraphErrors.PermissionDenied($"(#200) The user does not have permission to read catalog {id}: assign the catalog to the system user with catalog_management");
        }

        if (catalogs.Find(id) is not { } catalog)
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
        var products = catalog.Products
            .Where(wanted)
            .Select(p => Product(p, fields, baseUri))
            .ToList();
        var summary = request.Query["summary"].FirstOrDefault() is "true" or "total_count"
            ? new JsonObject { ["total_count"] = products.Count }
            : null;
        return SandboxPaging.Page(request, products, options.Value.PageSize, summary);
    }

    /// <summary>Commerce reference §2: <c>{"data":[{"is_cart_enabled":…,"is_catalog_visible":…,"id":…}]}</c>.</summary>
    private static IResult GetCommerceSettings(string id, SandboxState state, SandboxCatalogs catalogs)
    {
        if (NotAPhone(id, "get", state) is { } refused)
        {
            return refused;
        }

        var settings = catalogs.CommerceSettings(id);
        return TypedResults.Json(
            new JsonObject
            {
                ["data"] = new JsonArray(new JsonObject
                {
                    ["is_cart_enabled"] = settings.IsCartEnabled,
                    ["is_catalog_visible"] = settings.IsCatalogVisible,
                    ["id"] = CommerceSettingsId(id),
                }),
            },
            SandboxJson.Options);
    }

    /// <summary>
    /// Commerce reference §2: <c>is_cart_enabled</c> and/or <c>is_catalog_visible</c> as query parameters, <c>"true"</c>
    /// or <c>"false"</c> → <c>{"success":true}</c>.
    /// </summary>
    private static async Task<IResult> PostCommerceSettingsAsync(
        string id,
        HttpRequest request,
        SandboxState state,
        SandboxCatalogs catalogs,
        CancellationToken cancellationToken)
    {
        if (NotAPhone(id, "post", state) is { } refused)
        {
            return refused;
        }

        var read = await ReadParametersAsync(request, cancellationToken);
        if (read.Body is not { } body)
        {
            return read.Error!;
        }

        if (body.Select(p => p.Key).FirstOrDefault(k => k is not ("is_cart_enabled" or "is_catalog_visible")) is { } unknown)
        {
            return SandboxGraphErrors.InvalidParameter($"(#100) Param {unknown} is not a valid parameter");
        }

        bool? cart = null;
        bool? visible = null;
        foreach (var (name, value) in body)
        {
            if (Flag(value) is not { } flag)
            {
                return SandboxGraphErrors.InvalidParameter($"(#100) Param {name} must be a boolean (true or false)");
            }

            if (name == "is_cart_enabled")
            {
                cart = flag;
            }
            else
            {
                visible = flag;
            }
        }

        if (cart is null && visible is null)
        {
            return SandboxGraphErrors.InvalidParameter("(#100) At least one of is_cart_enabled or is_catalog_visible is required");
        }

        catalogs.UpdateCommerceSettings(id, cart, visible);
        return Success();
    }

    private static bool? Flag(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => value.GetValue<string>() switch { "true" => true, "false" => false, _ => null },
        _ => null,
    };

    private static IResult? NotAPhone(string id, string method, SandboxState state)
    {
        if (state.FindPhoneNumber(id) is not null)
        {
            return null;
        }

        return state.FindWaba(id) is not null || id == state.BusinessId
            ? SandboxGraphErrors.NonexistingField(CommerceEdge, id == state.BusinessId ? "Business" : "WhatsAppBusinessAccount")
            : SandboxGraphErrors.UnsupportedRequest(method, id);
    }

    /// <summary>The settings object's own id: numeric like Meta's, stable per phone number (its meaning is undocumented).</summary>
    private static string CommerceSettingsId(string phoneNumberId) =>
        "5" + new string(phoneNumberId.Reverse().Where(char.IsAsciiDigit).ToArray()).PadRight(14, '0')[..14];

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
