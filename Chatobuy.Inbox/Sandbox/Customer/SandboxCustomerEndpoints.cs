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
/// (<c>POST /sandbox/customers/{wa_id}/messages</c>, <c>POST /sandbox/customers/media</c>), emit status webhooks
/// (<c>POST /sandbox/statuses</c>), read or reset a number's send tally (<c>GET|DELETE /sandbox/throughput/{phone_number_id}</c>), and the short-lived media download URLs (<c>GET /sandbox/media/{id}</c>).
/// </summary>
public static class SandboxCustomerEndpoints
{
    /// <summary>Room for Meta's largest media (documents, 100 MB) plus the multipart framing.</summary>
    public const long MaxUploadRequestBytes = 110_000_000;

    public static void Map(IEndpointRouteBuilder app)
    {
        var sandbox = app.MapGroup("/sandbox")
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();

        sandbox.MapPost("/customers/{waId}/messages", SendAsync);
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
    private static IResult Download(string id, HttpContext http, SandboxMediaStore store, IOptions<SandboxOptions> options)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        if (string.IsNullOrEmpty(token) || !SandboxGraphEndpoints.SameText(token, options.Value.AccessToken))
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
