using System.Text.Json.Nodes;
using Chatobuy.Inbox.Sandbox.State;

namespace Chatobuy.Inbox.Sandbox.Graph;

/// <summary>The business profile of a phone number (reference §6.1–6.2): <c>GET</c>/<c>POST /{phone-number-id}/whatsapp_business_profile</c>.</summary>
public static partial class SandboxGraphEndpoints
{
    public const string ProfileEdge = "whatsapp_business_profile";

    private static readonly string[] ProfileFields = ["about", "address", "description", "email", "profile_picture_url", "websites", "vertical"];

    private static IResult GetProfile(SandboxPhoneNumber phone, HttpRequest request, SandboxProfiles profiles)
    {
        var asked = request.Query["fields"].FirstOrDefault() is { Length: > 0 } fields
            ? fields.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : ProfileFields;
        if (asked.FirstOrDefault(f => f != "messaging_product" && !ProfileFields.Contains(f)) is { } unknown)
        {
            return SandboxGraphErrors.NonexistingField(unknown, "WhatsAppBusinessProfile");
        }

        var profile = profiles.Get(phone.Id)!;
        var baseUri = $"{request.Scheme}://{request.Host}{request.PathBase}";
        var value = new JsonObject();
        foreach (var field in asked.Distinct(StringComparer.Ordinal))
        {
            JsonNode? node = field switch
            {
                "about" => profile.About,
                "address" => NullIfEmpty(profile.Address),
                "description" => NullIfEmpty(profile.Description),
                "email" => NullIfEmpty(profile.Email),
                "profile_picture_url" => profiles.PictureUrl(baseUri, phone.Id),
                "websites" => profile.Websites.Count == 0 ? null : new JsonArray(profile.Websites.Select(w => (JsonNode?)w).ToArray()),
                "vertical" => profile.Vertical,
                _ => null,
            };
            if (node is not null)
            {
                value[field] = node;
            }
        }

        value["messaging_product"] = "whatsapp";
        return TypedResults.Json(new JsonObject { ["data"] = new JsonArray(value) }, SandboxJson.Options);
    }

    private static async Task<IResult> PostProfileAsync(
        SandboxPhoneNumber phone,
        HttpRequest request,
        SandboxProfiles profiles,
        SandboxUploads uploads,
        CancellationToken cancellationToken)
    {
        var read = await ReadParametersAsync(request, cancellationToken);
        if (read.Body is not { } parameters)
        {
            return read.Error!;
        }

        return profiles.Update(phone.Id, parameters, uploads, requireMessagingProduct: true) switch
        {
            null => Success(),
            { Code: 100 } refusal => SandboxGraphErrors.InvalidParameter(refusal.Message),
            var refusal => SandboxGraphErrors.WhatsApp(refusal.Code, refusal.Message),
        };
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
