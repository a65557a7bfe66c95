using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chatobuy.Inbox.CloudApi;

// Wire shapes of the Graph API (reference §0–2, §4). Names are Meta's snake_case through the serializer settings.

public sealed record GraphPage<T>(IReadOnlyList<T> Data, GraphPaging? Paging);

public sealed record GraphPaging(GraphCursors? Cursors, string? Next, string? Previous);

public sealed record GraphCursors(string? Before, string? After);

public sealed record DebugTokenResponse(DebugTokenData Data);

public sealed record DebugTokenData(
    string? AppId,
    string? Application,
    string? Type,
    long? ExpiresAt,
    bool IsValid,
    IReadOnlyList<string>? Scopes,
    IReadOnlyList<GranularScope>? GranularScopes,
    string? UserId);

public sealed record GranularScope(string Scope, IReadOnlyList<string>? TargetIds);

public sealed record WabaData(
    string Id,
    string? Name,
    string? Currency,
    string? TimezoneId,
    string? MessageTemplateNamespace);

public sealed record PhoneNumberData(
    string Id,
    string? DisplayPhoneNumber,
    string? VerifiedName,
    string? QualityRating,
    string? CodeVerificationStatus,
    string? NameStatus,
    string? Status,
    string? PlatformType,
    PhoneThroughput? Throughput);

public sealed record PhoneThroughput(string? Level);

public sealed record SuccessResponse(bool Success);

public sealed record SubscribedAppsResponse(IReadOnlyList<SubscribedApp> Data);

public sealed record SubscribedApp(
    [property: JsonPropertyName("whatsapp_business_api_data")] SubscribedAppData? WhatsAppBusinessApiData,
    string? OverrideCallbackUri);

public sealed record SubscribedAppData(string? Id, string? Name, string? Link);

public sealed record WebhookOverrideRequest(WebhookConfiguration WebhookConfiguration);

public sealed record WebhookConfiguration(string OverrideCallbackUri, string VerifyToken);

/// <summary>
/// <c>GET /{media-id}</c>. <c>file_size</c> comes as a string in Meta's examples and as a number elsewhere; the
/// serializer settings read both. <c>sha256</c> is the hex digest of the file.
/// </summary>
public sealed record MediaInfo(
    string Url,
    string? MimeType,
    string? Sha256,
    long? FileSize,
    string? Id);

public sealed record MediaUploadResponse(string Id);

/// <summary>Reference §6.3: <c>{"id": "upload:…?sig=…"}</c>; the id is used verbatim as the session's path and query.</summary>
public sealed record UploadSessionResponse(string Id);

/// <summary>Reference §6.3: a chunk's answer (<c>h</c> once the file is complete) or the session's progress.</summary>
public sealed record UploadProgressResponse(string? Id, long? FileOffset, string? H);

/// <summary>Reference §6.1. <c>vertical</c> may be <c>UNDEFINED</c> or <c>NOT_A_BIZ</c> on a number that never set one.</summary>
public sealed record BusinessProfileData(
    string? About,
    string? Address,
    string? Description,
    string? Email,
    string? ProfilePictureUrl,
    IReadOnlyList<string>? Websites,
    string? Vertical,
    string? MessagingProduct);

/// <summary>Reference §6.2: only the fields that are not null are sent; an empty string or list clears a field.</summary>
public sealed record BusinessProfileUpdate(
    string? About = null,
    string? Address = null,
    string? Description = null,
    string? Email = null,
    IReadOnlyList<string>? Websites = null,
    string? Vertical = null,
    string? ProfilePictureHandle = null)
{
    public string MessagingProduct { get; init; } = "whatsapp";
}

/// <summary>
/// Reference §5.1: a message template as Meta lists it. <see cref="Components"/> is Meta's components array, kept as
/// it came; <see cref="QualityScore"/> is an object (<c>{"score":"GREEN"}</c>).
/// </summary>
public sealed record TemplateData(
    string Id,
    string? Name,
    string? Language,
    string? Status,
    string? Category,
    JsonElement? Components,
    string? ParameterFormat,
    string? RejectedReason,
    TemplateQuality? QualityScore,
    string? PreviousCategory);

public sealed record TemplateQuality(string? Score);

/// <summary>Reference §5.2: the new template's id, its status (PENDING) and the category Meta gave it.</summary>
public sealed record CreateTemplateResponse(string Id, string? Status, string? Category);

public sealed record GraphErrorEnvelope(GraphErrorBody? Error);

public sealed record GraphErrorBody(
    string? Message,
    string? Type,
    int Code,
    int? ErrorSubcode,
    string? ErrorUserTitle,
    string? ErrorUserMsg,
    string? FbtraceId,
    System.Text.Json.JsonElement? ErrorData = null)
{
    /// <summary><c>error_data.details</c>; <c>error_data</c> is a plain string on some Graph errors (reference §8.1).</summary>
    public string? Details => ErrorData switch
    {
        { ValueKind: System.Text.Json.JsonValueKind.String } text => text.GetString(),
        { ValueKind: System.Text.Json.JsonValueKind.Object } data when data.TryGetProperty("details", out var details)
            && details.ValueKind == System.Text.Json.JsonValueKind.String => details.GetString(),
        _ => null,
    };
}

/// <summary>A catalog product (commerce reference §1.3): <c>price</c> is a display string such as "$5.99", not a number.</summary>
public sealed record CatalogProductData(string Id, string? RetailerId, string? Name, string? Price, string? Currency);
