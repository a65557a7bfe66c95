using System.Text.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Sandbox.Graph;
using Chatobuy.Inbox.Sandbox.Rules;
using Chatobuy.Inbox.Sandbox.State;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Sandbox.Customer;

/// <summary>
/// Emulator-only endpoints (mapped only while the Sandbox is on): play the customer
/// (<c>POST /sandbox/customers/{wa_id}/messages</c>, <c>POST /sandbox/customers/media</c>), tap what a business's
/// interactive message offers (<c>POST /sandbox/customers/{wa_id}/taps</c>), emit status webhooks
/// (<c>POST /sandbox/statuses</c>), read or reset a number's send tally (<c>GET|DELETE /sandbox/throughput/{phone_number_id}</c>), and the short-lived media download URLs (<c>GET /sandbox/media/{id}</c>).
/// The customer phone page shows the business's media headers from <see cref="PhoneMediaPath"/> (signed, expiring URLs).
/// </summary>
public static class SandboxCustomerEndpoints
{
    /// <summary>Room for Meta's largest media (documents, 100 MB) plus the multipart framing.</summary>
    public const long MaxUploadRequestBytes = 110_000_000;

    /// <summary>Where the customer phone page's browser gets a stored file (an interactive message's media header), by signed URL.</summary>
    public const string PhoneMediaPath = "/sandbox/phone/media";

    public static void Map(IEndpointRouteBuilder app)
    {
        var sandbox = app.MapGroup("/sandbox")
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();

        sandbox.MapPost("/customers/{waId}/messages", SendAsync);
        sandbox.MapPost("/customers/{waId}/taps", TapAsync);
        sandbox.MapPost("/customers/media", UploadAsCustomerAsync)
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadRequestBytes));
        sandbox.MapPost("/statuses", EmitStatusAsync);
        sandbox.MapPost("/customers/{waId}/last-seen", SetLastSeenAsync);
        sandbox.MapGet("/throughput/{phoneNumberId}", (string phoneNumberId, int? skip, SandboxThroughput throughput) =>
            TypedResults.Json(throughput.Report(phoneNumberId, skip ?? 0), SandboxJson.Options));
        sandbox.MapDelete("/throughput/{phoneNumberId}", (string phoneNumberId, SandboxThroughput throughput) =>
        {
            throughput.Reset(phoneNumberId);
            return TypedResults.NoContent();
        });
        sandbox.MapGet(SandboxMediaStore.DownloadPath["/sandbox".Length..] + "/{id}", Download);
        sandbox.MapGet(PhoneMediaPath["/sandbox".Length..] + "/{id}", PhoneMedia);
    }

    /// <summary>Reads a multipart upload (<c>file</c>, and <c>type</c> = its MIME type) and stores it if Meta's table allows.</summary>
    public static async Task<(SandboxMedia? Media, IResult? Error)> ReadUploadAsync(
        HttpRequest request,
        SandboxMediaStore store,
        string? phoneNumberId,
        bool requireMessagingProduct,
        CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return (null, SandboxGraphErrors.InvalidParameter("(#100) The request must be multipart/form-data with a file part"));
        }

        var form = await request.ReadFormAsync(cancellationToken);
        if (requireMessagingProduct && form["messaging_product"].ToString() != "whatsapp")
        {
            return (null, SandboxGraphErrors.InvalidParameter("(#100) The parameter messaging_product is required and must be whatsapp"));
        }

        if (form.Files.GetFile("file") is not { } file)
        {
            return (null, SandboxGraphErrors.InvalidParameter("(#100) The parameter file is required"));
        }

        var mimeType = form["type"].ToString() is { Length: > 0 } given ? given : file.ContentType;
        if (SandboxMediaRules.Check(mimeType ?? "", file.Length) is { } refusal)
        {
            return (null, SandboxGraphErrors.MediaUploadError(refusal));
        }

        await using var content = file.OpenReadStream();
        var media = await store.SaveAsync(content, mimeType!, file.FileName, phoneNumberId, cancellationToken);
        return (media, null);
    }

    private static async Task<IResult> SendAsync(string waId, HttpRequest request, SandboxCustomers customers, CancellationToken cancellationToken)
    {
        var (body, error) = await ReadJsonObjectAsync(request, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        var result = customers.Send(waId, body);
        return result.Succeeded
            ? TypedResults.Json(new JsonObject { ["messages"] = new JsonArray(new JsonObject { ["id"] = result.Id }) }, SandboxJson.Options)
            : SandboxGraphErrors.InvalidParameter(result.Error!);
    }

    /// <summary>
    /// The customer taps what business message <c>message_id</c> offers, as the phone page does:
    /// <c>{"phone_number_id","name"?,"message_id"}</c> plus <c>"id"</c> (a reply button's or list row's callback id),
    /// or under a location request <c>"location"</c> (<c>latitude</c>, <c>longitude</c>, <c>name</c>?, <c>address</c>?;
    /// the sample place when absent), or under a product message <c>"cart"</c> (<c>[{"product_retailer_id","quantity"}]</c>
    /// of the products it shows) and <c>"text"</c>?. Answers <c>{"messages":[{"id"}]}</c>; the webhook follows.
    /// </summary>
    private static async Task<IResult> TapAsync(
        string waId,
        HttpRequest request,
        SandboxCustomers customers,
        SandboxOutbox outbox,
        SandboxCatalogs catalogs,
        CancellationToken cancellationToken)
    {
        var (body, error) = await ReadJsonObjectAsync(request, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        var phoneNumberId = SandboxMessageRules.Str(body["phone_number_id"]) ?? "";
        if (SandboxMessageRules.Str(body["message_id"]) is not { Length: > 0 } messageId)
        {
            return SandboxGraphErrors.InvalidParameter("(#100) The parameter message_id (the business message's wamid) is required");
        }

        if (outbox.Find(phoneNumberId, waId, messageId) is not { } message)
        {
            return SandboxGraphErrors.InvalidParameter($"(#100) Phone number {phoneNumberId} sent no message {messageId} to customer {waId}");
        }

        if (SandboxCustomerReplies.CannotTap(message, outbox.StatusOf(message.Id)) is { } refusal)
        {
            return SandboxGraphErrors.InvalidParameter(refusal);
        }

        var view = SandboxInteractiveView.Parse(message.Content);
        var (fields, tapError) = view.Type switch
        {
            "location_request_message" => PlaceOf(body["location"]) is { } place
                ? SandboxCustomerReplies.ShareLocation(message, place)
                : (null, "(#100) location needs numeric latitude and longitude"),
            "product" or "product_list" => CartOf(body["cart"], view) is { } cart
                ? SandboxCustomerReplies.Order(catalogs.LinkedToPhone(phoneNumberId), catalogs.CommerceSettings(phoneNumberId), view.CatalogId ?? "", cart, SandboxMessageRules.Str(body["text"]))
                : (null, $"(#100) cart must list products this message shows ({string.Join(", ", view.RetailerIds)}) with whole quantities"),
            _ => SandboxMessageRules.Str(body["id"]) is { Length: > 0 } id
                ? SandboxCustomerReplies.Choose(message, id)
                : (null, "(#100) The parameter id (the reply button's or list row's callback id) is required"),
        };
        if (fields is null)
        {
            return SandboxGraphErrors.InvalidParameter(tapError!);
        }

        fields["phone_number_id"] = phoneNumberId;
        if (body["name"] is { } name)
        {
            fields["name"] = name.DeepClone();
        }

        var result = customers.Send(waId, fields);
        return result.Succeeded
            ? TypedResults.Json(new JsonObject { ["messages"] = new JsonArray(new JsonObject { ["id"] = result.Id }) }, SandboxJson.Options)
            : SandboxGraphErrors.InvalidParameter(result.Error!);
    }

    private static SandboxPlace? PlaceOf(JsonNode? node)
    {
        if (node is null)
        {
            return SandboxCustomerReplies.SamplePlace;
        }

        return node is JsonObject location
            && location["latitude"] is JsonValue latitude && latitude.TryGetValue<double>(out var lat)
            && location["longitude"] is JsonValue longitude && longitude.TryGetValue<double>(out var lon)
                ? new SandboxPlace(lat, lon, SandboxMessageRules.Str(location["name"]), SandboxMessageRules.Str(location["address"]))
                : null;
    }

    /// <summary>The cart's lines when each names a product the message shows with a whole quantity; null otherwise.</summary>
    private static Dictionary<string, int>? CartOf(JsonNode? node, SandboxInteractiveView view)
    {
        if (node is not JsonArray lines)
        {
            return null;
        }

        var cart = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (SandboxMessageRules.Str(line?["product_retailer_id"]) is not { } retailerId
                || !view.RetailerIds.Contains(retailerId)
                || line!["quantity"] is not JsonValue quantity
                || !quantity.TryGetValue<int>(out var count))
            {
                return null;
            }

            cart[retailerId] = cart.GetValueOrDefault(retailerId) + count;
        }

        return cart;
    }

    /// <summary>The phone page's browser has no Graph token: the page hands it a signed, expiring URL instead (see <see cref="SandboxMediaStore.ViewQuery"/>).</summary>
    private static IResult PhoneMedia(string id, HttpRequest request, SandboxMediaStore store) =>
        store.IsValidUrl(id, request.Query["exp"], request.Query["sig"]) && store.Find(id) is { } media && store.OpenRead(id) is { } content
            ? TypedResults.Stream(content, media.MimeType, enableRangeProcessing: true)
            : TypedResults.NotFound();

    private static async Task<IResult> UploadAsCustomerAsync(HttpRequest request, SandboxMediaStore store, CancellationToken cancellationToken)
    {
        var (media, error) = await ReadUploadAsync(request, store, null, requireMessagingProduct: false, cancellationToken);
        return media is null ? error! : TypedResults.Json(new { media.Id }, SandboxJson.Options);
    }

    private static async Task<IResult> EmitStatusAsync(HttpRequest request, SandboxCustomers customers, CancellationToken cancellationToken)
    {
        var (body, error) = await ReadJsonObjectAsync(request, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        var result = customers.EmitStatus(body);
        return result.Succeeded
            ? TypedResults.Json(new { Success = true }, SandboxJson.Options)
            : SandboxGraphErrors.InvalidParameter(result.Error!);
    }

    /// <summary>
    /// Test hook: <c>{"phone_number_id","hours_ago"}</c> makes the customer's last message to that number that old, so
    /// the 24-hour customer service window (reference §8.5) can be closed without waiting a day.
    /// </summary>
    private static async Task<IResult> SetLastSeenAsync(
        string waId,
        HttpRequest request,
        SandboxState state,
        SandboxCustomers customers,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (body, error) = await ReadJsonObjectAsync(request, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        if (SandboxMessageRules.Str(body["phone_number_id"]) is not { } phoneNumberId || state.FindPhoneNumber(phoneNumberId) is null)
        {
            return SandboxGraphErrors.InvalidParameter("(#100) phone_number_id must be one of the Sandbox numbers");
        }

        if (body["hours_ago"] is not JsonValue hoursNode || !hoursNode.TryGetValue<double>(out var hours) || hours < 0 || hours > 24 * 365)
        {
            return SandboxGraphErrors.InvalidParameter("(#100) hours_ago must be a number of hours from 0 to 8760");
        }

        var at = time.GetUtcNow() - TimeSpan.FromHours(hours);
        customers.SetLastSeen(phoneNumberId, waId, at);
        return TypedResults.Json(new { Success = true, LastSeen = at.ToUnixTimeSeconds() }, SandboxJson.Options);
    }

    /// <summary>Like Meta's lookaside URL: the signed, unexpired URL and the access token are both needed.</summary>
    private static IResult Download(string id, HttpContext http, SandboxMediaStore store, SandboxState state)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        if (string.IsNullOrEmpty(token) || !SandboxGraphEndpoints.SameText(token, state.CurrentAccessToken))
        {
            return SandboxGraphErrors.InvalidToken(http);
        }

        if (!store.IsValidUrl(id, http.Request.Query["exp"], http.Request.Query["sig"])
            || store.Find(id) is not { } media
            || store.OpenRead(id) is not { } content)
        {
            return SandboxGraphErrors.MediaUrlNotFound();
        }

        return TypedResults.Stream(content, media.MimeType);
    }

    private static async Task<(JsonObject? Body, IResult? Error)> ReadJsonObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, SandboxGraphErrors.InvalidParameter("(#100) The request body must be JSON (Content-Type: application/json)"));
        }

        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken) is JsonObject body
                ? (body, null)
                : (null, SandboxGraphErrors.InvalidParameter("(#100) The request body must be a JSON object"));
        }
        catch (JsonException)
        {
            return (null, SandboxGraphErrors.InvalidParameter("(#100) The request body is not valid JSON"));
        }
    }
}
