using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Chatobuy.Inbox.Sandbox.Customer;
using Chatobuy.Inbox.Sandbox.Delivery;
using Chatobuy.Inbox.Sandbox.State;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Sandbox.Graph;

/// <summary>
/// The emulated Graph API at <c>/sandbox/graph/{version}</c> (reference §0–2, §7.1, §8.1): token check, debug_token,
/// business → WABAs → phone numbers with cursor paging, subscribed_apps and phone-number webhook overrides.
/// </summary>
public static partial class SandboxGraphEndpoints
{
    public const string Prefix = "/sandbox/graph";

    public static void Map(IEndpointRouteBuilder app)
    {
        var graph = app.MapGroup(Prefix + "/{version:regex(^v\\d+\\.\\d+$)}")
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription()
            .AddEndpointFilter(AuthorizeAsync);

        graph.MapGet("/debug_token", DebugToken);
        graph.MapGet("/me", (HttpRequest request, SandboxState state) => Single(request, SandboxGraphNode.SystemUser(state), SandboxGraphNode.NamedDefaults));
        graph.MapGet("/{id}", GetObject);
        graph.MapPost("/{id}", PostObjectAsync)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(SandboxCustomerEndpoints.MaxUploadRequestBytes));
        graph.MapDelete("/{id}", DeleteObject);
        graph.MapGet("/{id}/{edge}", GetEdge);
        MapMessages(graph);
        MapCatalog(graph);
        graph.MapPost("/{id}/{edge}", PostEdgeAsync)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(SandboxCustomerEndpoints.MaxUploadRequestBytes));
        graph.MapDelete("/{id}/{edge}", DeleteEdge);

        // Anything else under the prefix (a malformed version, an unknown path) is Graph's business, not a page's.
        app.MapMethods(Prefix + "/{**rest}", [HttpMethods.Get, HttpMethods.Post, HttpMethods.Delete, HttpMethods.Put, HttpMethods.Patch], (string? rest) =>
                SandboxGraphErrors.UnknownPath("/" + rest))
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();
    }

    [GeneratedRegex("^v[0-9]+\\.[0-9]+$")]
    private static partial Regex VersionPattern();

    /// <summary>Meta's token check: Bearer (or OAuth) header, else <c>?access_token=</c>; 401 code 190 otherwise.</summary>
    private static async ValueTask<object?> AuthorizeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.GetRouteValue("version") is not string version || !VersionPattern().IsMatch(version))
        {
            return SandboxGraphErrors.UnknownPath(http.Request.Path.Value?[Prefix.Length..] ?? "/");
        }

        var token = ReadToken(http.Request);
        if (string.IsNullOrEmpty(token))
        {
            return SandboxGraphErrors.MissingToken(http);
        }

        var options = http.RequestServices.GetRequiredService<IOptions<SandboxOptions>>().Value;
        var state = http.RequestServices.GetRequiredService<SandboxState>();
        var isDebugToken = http.Request.Path.Value?.EndsWith("/debug_token", StringComparison.Ordinal) == true;
        var valid = SameText(token, state.CurrentAccessToken)
            || (isDebugToken && SameText(token, $"{options.AppId}|{options.AppSecret}"));
        if (valid)
        {
            return await next(context);
        }

        return state.IsExpiredToken(token) ? SandboxGraphErrors.ExpiredToken(http) : SandboxGraphErrors.InvalidToken(http);
    }

    private static string? ReadToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        foreach (var scheme in (string[])["Bearer ", "OAuth "])
        {
            if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return header[scheme.Length..].Trim();
            }
        }

        return request.Query["access_token"].FirstOrDefault();
    }

    internal static bool SameText(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static IResult DebugToken(HttpRequest request, SandboxState state, IOptions<SandboxOptions> options)
    {
        var input = request.Query["input_token"].FirstOrDefault();
        if (string.IsNullOrEmpty(input))
        {
            return SandboxGraphErrors.InvalidParameter("(#100) The parameter input_token is required");
        }

        if (state.IsExpiredToken(input))
        {
            // Meta's debug_token answers 200 for an expired token, with the error inside data (reference §1.1).
            return TypedResults.Json(
                new { Data = new { state.AppId, Application = state.AppName, Error = new { Code = 190, Message = SandboxGraphErrors.ExpiredTokenMessage, Subcode = 463 }, IsValid = false, Scopes = Array.Empty<string>() } },
                SandboxJson.Options);
        }

        if (!SameText(input, state.CurrentAccessToken))
        {
            return TypedResults.Json(
                new { Data = new { Error = new { Code = 190, Message = SandboxGraphErrors.InvalidTokenMessage }, IsValid = false, Scopes = Array.Empty<string>() } },
                SandboxJson.Options);
        }

        // Target ids are the WABAs that granted the scope, newest first; business_management is not restricted.
        var wabaIds = state.Wabas.Select(w => w.Id).Reverse().ToArray();
        var data = new DebugTokenData(
            state.AppId,
            state.AppName,
            "SYSTEM_USER",
            0,
            true,
            ["business_management", "whatsapp_business_management", "whatsapp_business_messaging"],
            [
                new GranularScope("business_management", null),
                new GranularScope("whatsapp_business_management", wabaIds),
                new GranularScope("whatsapp_business_messaging", wabaIds),
            ],
            state.SystemUserId);
        return TypedResults.Json(new DebugTokenResponse(data), SandboxJson.Options);
    }

    private static IResult GetObject(
        string id,
        HttpRequest request,
        SandboxState state,
        SandboxMediaStore media,
        SandboxUploads uploads,
        SandboxTemplates templates,
        SandboxCatalogs catalogs)
    {
        if (catalogs.Find(id) is { } catalog)
        {
            return Single(request, CatalogNode(catalog), SandboxGraphNode.NamedDefaults);
        }

        if (SandboxUploads.IsSessionId(id))
        {
            return UploadProgress(id, request, uploads);
        }

        if (media.Find(id) is { } stored)
        {
            return MediaInfo(request, media, stored);
        }

        if (templates.Get(id) is { } template)
        {
            return GetTemplate(request, template);
        }

        var (node, defaults) = Find(state, id);
        return node is null ? SandboxGraphErrors.UnsupportedRequest("get", id) : Single(request, node, defaults);
    }

    private static IResult GetEdge(string id, string edge, HttpRequest request, SandboxState state, SandboxProfiles profiles, SandboxTemplates templates, IOptions<SandboxOptions> options)
    {
        if (edge == ProfileEdge && state.FindPhoneNumber(id) is { } profilePhone)
        {
            return GetProfile(profilePhone, request, profiles);
        }

        var (node, _) = Find(state, id);
        if (node is null)
        {
            return SandboxGraphErrors.UnsupportedRequest("get", id);
        }

        var fields = request.Query["fields"].FirstOrDefault();
        var pageSize = options.Value.PageSize;
        if (id == state.BusinessId && edge is "owned_whatsapp_business_accounts" or "client_whatsapp_business_accounts")
        {
            var ownership = edge == "owned_whatsapp_business_accounts" ? SandboxOwnership.Owned : SandboxOwnership.Client;
            var wabas = state.WabasOf(ownership).Select(w => SandboxGraphNode.Waba(state, w));
            return List(request, wabas, SandboxGraphNode.ParseFields(fields, SandboxGraphNode.WabaDefaults), pageSize);
        }

        if (state.FindWaba(id) is { } waba)
        {
            if (edge == "phone_numbers")
            {
                var phones = state.PhoneNumbersOf(waba.Id).Select(SandboxGraphNode.Phone);
                return List(request, phones, SandboxGraphNode.ParseFields(fields, SandboxGraphNode.PhoneListDefaults), pageSize);
            }

            if (edge == "subscribed_apps")
            {
                return SubscribedApps(state, waba);
            }

            if (edge == "message_templates")
            {
                return ListTemplates(request, waba, templates, pageSize);
            }
        }

        return SandboxGraphErrors.NonexistingField(edge, node.NodeType);
    }

    private static async Task<IResult> PostObjectAsync(
        string id,
        HttpRequest request,
        SandboxState state,
        SandboxWebhookVerifier verifier,
        SandboxUploads uploads,
        SandboxTemplates templates,
        SandboxTemplateReview review,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        if (SandboxUploads.IsSessionId(id))
        {
            return await AppendUploadAsync(id, request.HttpContext, uploads, cancellationToken);
        }

        if (templates.Get(id) is { } template)
        {
            return await EditTemplateAsync(request, template, templates, review, cancellationToken);
        }

        if (state.FindPhoneNumber(id) is not { } phone)
        {
            return SandboxGraphErrors.UnsupportedRequest("post", id);
        }

        var read = await ReadParametersAsync(request, cancellationToken);
        if (read.Body is not { } body)
        {
            return read.Error!;
        }

        if (body.Select(p => p.Key).FirstOrDefault(k => k is not ("webhook_configuration" or "pin")) is { } unknown)
        {
            return SandboxGraphErrors.InvalidParameter($"(#100) Param {unknown} is not a valid parameter");
        }

        if (body["pin"] is { } pin && (pin.GetValueKind() != JsonValueKind.String || !SixDigits().IsMatch(pin.GetValue<string>())))
        {
            return SandboxGraphErrors.InvalidParameter("(#100) Param pin must be a 6-digit number");
        }

        if (body["webhook_configuration"] is { } configuration)
        {
            var parsed = ParseOverride(AsObject(configuration), "webhook_configuration[override_callback_uri]", "webhook_configuration[verify_token]");
            if (parsed.Error is not null)
            {
                return parsed.Error;
            }

            if (await VerifyCallbackAsync(parsed.Override, verifier, cancellationToken) is { } refused)
            {
                return refused;
            }

            state.SetPhoneWebhookOverride(phone.Id, parsed.Override);
            loggerFactory.CreateLogger(typeof(SandboxGraphEndpoints)).LogInformation(
                "Sandbox phone number {PhoneNumberId} webhook override {Action}", phone.Id, parsed.Override is null ? "cleared" : "set");
        }
        else if (body["pin"] is null)
        {
            return SandboxGraphErrors.InvalidParameter("(#100) The parameter webhook_configuration is required");
        }

        return Success();
    }

    /// <summary>Reference §4.2: the media's facts and a download URL of the emulator, valid for five minutes.</summary>
    private static IResult MediaInfo(HttpRequest request, SandboxMediaStore store, SandboxMedia media)
    {
        var phoneNumberId = request.Query["phone_number_id"].FirstOrDefault();
        if (!string.IsNullOrEmpty(phoneNumberId) && media.PhoneNumberId is not null && media.PhoneNumberId != phoneNumberId)
        {
            return SandboxGraphErrors.UnsupportedRequest("get", media.Id);
        }

        var baseUri = $"{request.Scheme}://{request.Host}{request.PathBase}";
        return TypedResults.Json(
            new JsonObject
            {
                ["messaging_product"] = "whatsapp",
                ["url"] = store.DownloadUrl(baseUri, media.Id),
                ["mime_type"] = media.MimeType,
                ["sha256"] = media.Sha256,
                ["file_size"] = media.FileSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["id"] = media.Id,
            },
            SandboxJson.Options);
    }

    private static IResult DeleteObject(string id, HttpRequest request, SandboxMediaStore media)
    {
        if (media.Find(id) is not { } stored)
        {
            return SandboxGraphErrors.UnsupportedRequest("delete", id);
        }

        var phoneNumberId = request.Query["phone_number_id"].FirstOrDefault();
        if (!string.IsNullOrEmpty(phoneNumberId) && stored.PhoneNumberId is not null && stored.PhoneNumberId != phoneNumberId)
        {
            return SandboxGraphErrors.UnsupportedRequest("delete", id);
        }

        media.Delete(id);
        return Success();
    }

    private static async Task<IResult> PostEdgeAsync(
        string id,
        string edge,
        HttpRequest request,
        SandboxState state,
        SandboxWebhookVerifier verifier,
        SandboxMediaStore media,
        SandboxUploads uploads,
        SandboxProfiles profiles,
        SandboxTemplates templates,
        SandboxTemplateReview review,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        if (edge == "uploads" && (id == state.AppId || id == "app"))
        {
            return await OpenUploadSessionAsync(request, uploads, cancellationToken);
        }

        if (edge == ProfileEdge && state.FindPhoneNumber(id) is { } profilePhone)
        {
            return await PostProfileAsync(profilePhone, request, profiles, uploads, cancellationToken);
        }

        if (edge == "message_templates" && state.FindWaba(id) is { } templateWaba)
        {
            return await CreateTemplateAsync(request, templateWaba, templates, review, cancellationToken);
        }

        if (edge == "media" && state.FindPhoneNumber(id) is { } phone)
        {
            var (uploaded, error) = await SandboxCustomerEndpoints.ReadUploadAsync(request, media, phone.Id, requireMessagingProduct: true, cancellationToken);
            return uploaded is null ? error! : TypedResults.Json(new JsonObject { ["id"] = uploaded.Id }, SandboxJson.Options);
        }

        if (edge != "subscribed_apps" || state.FindWaba(id) is not { } waba)
        {
            return SandboxGraphErrors.UnsupportedRequest("post", id);
        }

        var read = await ReadParametersAsync(request, cancellationToken);
        if (read.Body is not { } body)
        {
            return read.Error!;
        }

        if (body.Select(p => p.Key).FirstOrDefault(k => k is not ("override_callback_uri" or "verify_token")) is { } unknown)
        {
            return SandboxGraphErrors.InvalidParameter($"(#100) Param {unknown} is not a valid parameter");
        }

        var parsed = ParseOverride(body, "override_callback_uri", "verify_token");
        if (parsed.Error is not null)
        {
            return parsed.Error;
        }

        if (await VerifyCallbackAsync(parsed.Override, verifier, cancellationToken) is { } refused)
        {
            return refused;
        }

        state.Subscribe(waba.Id, parsed.Override);
        loggerFactory.CreateLogger(typeof(SandboxGraphEndpoints)).LogInformation(
            "Sandbox app subscribed to WABA {WabaId} (override: {HasOverride})", waba.Id, parsed.Override is not null);
        return Success();
    }

    /// <summary>Meta verifies a new callback URL before it accepts it; null when there is none or it answered right.</summary>
    private static async Task<IResult?> VerifyCallbackAsync(
        SandboxWebhookOverride? callbackOverride,
        SandboxWebhookVerifier verifier,
        CancellationToken cancellationToken)
    {
        if (callbackOverride is null)
        {
            return null;
        }

        var failure = await verifier.VerifyAsync(new Uri(callbackOverride.CallbackUri), callbackOverride.VerifyToken, cancellationToken);
        return failure is null ? null : SandboxGraphErrors.CallbackVerificationFailed(failure);
    }

    private static IResult DeleteEdge(string id, string edge, HttpRequest request, SandboxState state, SandboxTemplates templates, ILoggerFactory loggerFactory)
    {
        if (edge == "message_templates" && state.FindWaba(id) is { } templateWaba)
        {
            return DeleteTemplates(request, templateWaba, templates);
        }

        if (edge != "subscribed_apps" || state.FindWaba(id) is not { } waba)
        {
            return SandboxGraphErrors.UnsupportedRequest("delete", id);
        }

        state.Unsubscribe(waba.Id);
        loggerFactory.CreateLogger(typeof(SandboxGraphEndpoints)).LogInformation("Sandbox app unsubscribed from WABA {WabaId}", waba.Id);
        return Success();
    }

    private static IResult SubscribedApps(SandboxState state, SandboxWaba waba)
    {
        var data = new JsonArray();
        if (state.GetSubscription(waba.Id) is { } subscription)
        {
            var app = new JsonObject
            {
                ["whatsapp_business_api_data"] = new JsonObject
                {
                    ["id"] = state.AppId,
                    ["link"] = $"https://www.facebook.com/games/?app_id={state.AppId}",
                    ["name"] = state.AppName,
                },
            };
            if (subscription.Override is { } callbackOverride)
            {
                app["override_callback_uri"] = callbackOverride.CallbackUri;
            }

            data.Add(app);
        }

        return TypedResults.Json(new JsonObject { ["data"] = data }, SandboxJson.Options);
    }

    private static (SandboxGraphNode? Node, IReadOnlyList<string> Defaults) Find(SandboxState state, string id)
    {
        if (id == state.BusinessId)
        {
            return (SandboxGraphNode.Business(state), SandboxGraphNode.NamedDefaults);
        }

        if (id == state.SystemUserId)
        {
            return (SandboxGraphNode.SystemUser(state), SandboxGraphNode.NamedDefaults);
        }

        if (state.FindWaba(id) is { } waba)
        {
            return (SandboxGraphNode.Waba(state, waba), SandboxGraphNode.WabaDefaults);
        }

        return state.FindPhoneNumber(id) is { } phone
            ? (SandboxGraphNode.Phone(phone), SandboxGraphNode.PhoneDefaults)
            : (null, []);
    }

    private static IResult Single(HttpRequest request, SandboxGraphNode node, IReadOnlyList<string> defaults)
    {
        var (value, unknown) = node.Project(SandboxGraphNode.ParseFields(request.Query["fields"].FirstOrDefault(), defaults));
        return value is null ? SandboxGraphErrors.NonexistingField(unknown!, node.NodeType) : TypedResults.Json(value, SandboxJson.Options);
    }

    private static IResult List(HttpRequest request, IEnumerable<SandboxGraphNode> nodes, IReadOnlyList<string> fields, int pageSize)
    {
        var items = new List<JsonObject>();
        foreach (var node in nodes)
        {
            var (value, unknown) = node.Project(fields);
            if (value is null)
            {
                return SandboxGraphErrors.NonexistingField(unknown!, node.NodeType);
            }

            items.Add(value);
        }

        return SandboxPaging.Page(request, items, pageSize);
    }

    private static IResult Success() => TypedResults.Json(new { Success = true }, SandboxJson.Options);

    /// <summary>
    /// A POST's parameters as Graph reads them: a JSON object body, or form fields (a JSON value inside a field is
    /// parsed), plus query parameters other than the token.
    /// </summary>
    private static async Task<(JsonObject? Body, IResult? Error)> ReadParametersAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = new JsonObject();
        try
        {
            if (request.HasJsonContentType())
            {
                var node = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
                if (node is JsonObject parsed)
                {
                    body = parsed;
                }
                else if (node is not null)
                {
                    return (null, SandboxGraphErrors.InvalidParameter("(#100) The request body must be a JSON object"));
                }
            }
            else if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(cancellationToken);
                foreach (var (key, value) in form)
                {
                    body[key] = ParseLoose(value.ToString());
                }
            }
        }
        catch (JsonException)
        {
            return (null, SandboxGraphErrors.InvalidParameter("(#100) The request body is not valid JSON"));
        }

        foreach (var (key, value) in request.Query)
        {
            if (key != "access_token" && !body.ContainsKey(key))
            {
                body[key] = ParseLoose(value.ToString());
            }
        }

        return (body, null);
    }

    private static JsonNode? ParseLoose(string value)
    {
        if (value.StartsWith('{'))
        {
            try
            {
                return JsonNode.Parse(value);
            }
            catch (JsonException)
            {
                return value;
            }
        }

        return value;
    }

    private static JsonObject AsObject(JsonNode node) => node as JsonObject ?? [];

    private static (SandboxWebhookOverride? Override, IResult? Error) ParseOverride(JsonObject parameters, string uriName, string tokenName)
    {
        var uri = Text(parameters["override_callback_uri"]);
        var token = Text(parameters["verify_token"]);
        if (string.IsNullOrWhiteSpace(uri))
        {
            return (null, null);
        }

        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
        {
            return (null, SandboxGraphErrors.InvalidParameter($"(#100) Param {uriName} must be a valid URL"));
        }

        if (string.IsNullOrEmpty(token))
        {
            return (null, SandboxGraphErrors.InvalidParameter($"(#100) The parameter {tokenName} is required"));
        }

        return (new SandboxWebhookOverride(uri.Trim(), token), null);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : node?.ToJsonString();

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex SixDigits();

    private sealed record DebugTokenResponse(DebugTokenData Data);

    private sealed record DebugTokenData(
        string AppId,
        string Application,
        string Type,
        long ExpiresAt,
        bool IsValid,
        IReadOnlyList<string> Scopes,
        IReadOnlyList<GranularScope> GranularScopes,
        string UserId);

    private sealed record GranularScope(string Scope, IReadOnlyList<string>? TargetIds);
}
