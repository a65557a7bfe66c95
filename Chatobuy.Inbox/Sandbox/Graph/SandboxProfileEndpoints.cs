using System.Text.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Sandbox.State;

namespace Chatobuy.Inbox.Sandbox.Graph;

/// <summary>
/// Emulator-only profile endpoints: the profile pictures (served anonymously, like Meta's CDN) and
/// <c>POST /sandbox/numbers/{phone-number-id}/profile</c>, which changes a profile as someone editing it in Meta's own
/// tools would (same checks, no token, no <c>messaging_product</c>).
/// </summary>
public static class SandboxProfileEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var sandbox = app.MapGroup("/sandbox")
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();

        sandbox.MapGet(SandboxProfiles.PicturePath["/sandbox".Length..] + "/{phoneNumberId}/{file}", Picture);
        sandbox.MapPost("/numbers/{phoneNumberId}/profile", EditAsInMetasToolsAsync);
    }

    private static IResult Picture(string phoneNumberId, string file, SandboxProfiles profiles)
    {
        var stream = profiles.OpenPicture(phoneNumberId, file);
        return stream is null
            ? TypedResults.NotFound()
            : TypedResults.Stream(stream, file.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg");
    }

    private static async Task<IResult> EditAsInMetasToolsAsync(
        string phoneNumberId,
        HttpRequest request,
        SandboxState state,
        SandboxProfiles profiles,
        SandboxUploads uploads,
        CancellationToken cancellationToken)
    {
        if (state.FindPhoneNumber(phoneNumberId) is null)
        {
            return SandboxGraphErrors.UnsupportedRequest("post", phoneNumberId);
        }

        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null)
        {
            return SandboxGraphErrors.InvalidParameter("(#100) The request body must be a JSON object");
        }

        return profiles.Update(phoneNumberId, body, uploads, requireMessagingProduct: false) switch
        {
            null => TypedResults.Json(new JsonObject { ["success"] = true }, SandboxJson.Options),
            { Code: 100 } refusal => SandboxGraphErrors.InvalidParameter(refusal.Message),
            var refusal => SandboxGraphErrors.WhatsApp(refusal.Code, refusal.Message),
        };
    }
}
