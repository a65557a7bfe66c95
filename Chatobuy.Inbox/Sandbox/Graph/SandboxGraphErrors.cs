using System.Security.Cryptography;
using Chatobuy.Inbox.Sandbox.Rules;

namespace Chatobuy.Inbox.Sandbox.Graph;

/// <summary>Graph's error envelope (reference §8.1) with the codes and texts Meta uses.</summary>
public static class SandboxGraphErrors
{
    public const string InvalidTokenMessage = "Invalid OAuth access token - Cannot parse access token";
    public const string MissingTokenMessage = "An access token is required to request this resource.";

    /// <summary>HTTP 401, code 190: an access token that is not a valid one.</summary>
    public static IResult InvalidToken(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = $"OAuth \"Facebook Platform\" \"invalid_token\" \"{InvalidTokenMessage}\"";
        return Error(StatusCodes.Status401Unauthorized, InvalidTokenMessage, "OAuthException", 190);
    }

    public const string ExpiredTokenMessage = "Error validating access token: Session has expired.";

    /// <summary>HTTP 401, code 190 subcode 463: a token that was valid and has expired (reference §1.1).</summary>
    public static IResult ExpiredToken(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = $"OAuth \"Facebook Platform\" \"invalid_token\" \"{ExpiredTokenMessage}\"";
        return Error(StatusCodes.Status401Unauthorized, ExpiredTokenMessage, "OAuthException", 190, 463);
    }

    /// <summary>HTTP 400, code 104: a Graph call that carries no access token at all.</summary>
    public static IResult MissingToken(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = $"OAuth \"Facebook Platform\" \"invalid_request\" \"{MissingTokenMessage}\"";
        return Error(StatusCodes.Status400BadRequest, MissingTokenMessage, "OAuthException", 104);
    }

    /// <summary>HTTP 400, code 100/33: the id is unknown, or that verb is not supported on it.</summary>
    public static IResult UnsupportedRequest(string method, string id) =>
        Error(
            StatusCodes.Status400BadRequest,
            $"Unsupported {method} request. Object with ID '{id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api",
            "GraphMethodException",
            100,
            33);

    /// <summary>HTTP 400, code 100: a field or edge the node does not have.</summary>
    public static IResult NonexistingField(string field, string nodeType) =>
        InvalidParameter($"(#100) Tried accessing nonexisting field ({field}) on node type ({nodeType})");

    /// <summary>HTTP 400, code 100: a parameter Meta would refuse; <paramref name="message"/> starts with "(#100)".</summary>
    public static IResult InvalidParameter(string message) =>
        Error(StatusCodes.Status400BadRequest, message, "OAuthException", 100);

    /// <summary>
    /// HTTP 400, code 100 with a template subcode (reference §5.2) and Meta's user-facing title and message, e.g.
    /// 2388040 (character limit) or 2388024 (name and language already exist).
    /// </summary>
    public static IResult TemplateRefused(SandboxTemplateRefusal refusal) =>
        TypedResults.Json(
            new ErrorEnvelope(new ErrorBody("Invalid parameter", "OAuthException", 100, refusal.Subcode, NewTraceId())
            {
                IsTransient = false,
                ErrorUserTitle = refusal.Title,
                ErrorUserMsg = refusal.UserMessage,
            }),
            SandboxJson.Options,
            statusCode: StatusCodes.Status400BadRequest);

    /// <summary>HTTP 403, code 200: the token's system user may not do this (a permission or a task on the asset is missing).</summary>
    public static IResult PermissionDenied(string message) =>
        Error(StatusCodes.Status403Forbidden, message, "OAuthException", 200);

    /// <summary>
    /// HTTP 400, code 100 with a subcode and Meta's user-facing title and message, e.g. 2388027 when an account that
    /// already has a catalog is given a second one (commerce reference §1.2).
    /// </summary>
    public static IResult Refused(int subcode, string title, string userMessage) =>
        TemplateRefused(new SandboxTemplateRefusal(subcode, title, userMessage));

    /// <summary>HTTP 400, code 2200: the callback did not pass the verification handshake.</summary>
    public static IResult CallbackVerificationFailed(string details) =>
        Error(StatusCodes.Status400BadRequest, $"(#2200) Callback verification failed with the following errors: {details}", "OAuthException", 2200);

    /// <summary>HTTP 400, code 104: an upload session's <c>sig</c> is missing or not the one handed out (reference §6.3).</summary>
    public static IResult IncorrectSignature() =>
        Error(StatusCodes.Status400BadRequest, "(#104) Incorrect signature", "OAuthException", 104);

    /// <summary>HTTP 404: no such API version or path on the emulator.</summary>
    public static IResult UnknownPath(string path) =>
        Error(StatusCodes.Status404NotFound, $"Unknown path components: {path}", "OAuthException", 2500);

    /// <summary>HTTP 400, code 131053: Meta refused the uploaded file (type or size, reference §4.1).</summary>
    public static IResult MediaUploadError(string details) => WhatsApp(131053, details);

    /// <summary>
    /// HTTP 400 with a WhatsApp messaging code: <c>"(#code) title"</c> and <c>error_data.details</c> (reference §8.1–8.2).
    /// </summary>
    public static IResult WhatsApp(int code, string details) =>
        TypedResults.Json(
            new ErrorEnvelope(new ErrorBody($"(#{code}) {TitleOf(code)}", "OAuthException", code, null, NewTraceId(), new ErrorData("whatsapp", details))),
            SandboxJson.Options,
            statusCode: StatusCodes.Status400BadRequest);

    /// <summary>Meta's title of a WhatsApp error code (the part of <c>message</c> after the code).</summary>
    public static string TitleOf(int code) => code switch
    {
        100 => "Invalid parameter",
        130429 => "Rate limit hit",
        131008 => "Required parameter is missing",
        131009 => "Parameter value is not valid",
        131021 => "Recipient cannot be sender",
        131026 => "Message undeliverable",
        131047 => "Re-engagement message",
        131053 => "Media upload error",
        132000 => "Number of parameters does not match the expected number of params",
        132001 => "Template name does not exist in the translation",
        132005 => "Translated text too long",
        132007 => "Template format character policy violated",
        132012 => "Parameter format does not match format in the created template",
        132015 => "Template is Paused",
        132016 => "Template is Disabled",
        _ => "Something went wrong",
    };

    /// <summary>HTTP 404 for a media URL that expired or was never issued, like a stale lookaside URL.</summary>
    public static IResult MediaUrlNotFound() =>
        Error(StatusCodes.Status404NotFound, "The media URL is invalid or has expired: call GET /{media-id} for a new one", "OAuthException", 100);

    /// <summary>A trace id shaped like Meta's (23 url-safe characters).</summary>
    public static string NewTraceId() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_')[..23];

    private static IResult Error(int status, string message, string type, int code, int? subcode = null) =>
        TypedResults.Json(
            new ErrorEnvelope(new ErrorBody(message, type, code, subcode, NewTraceId())),
            SandboxJson.Options,
            statusCode: status);

    private sealed record ErrorEnvelope(ErrorBody Error);

    private sealed record ErrorBody(string Message, string Type, int Code, int? ErrorSubcode, string FbtraceId, ErrorData? ErrorData = null)
    {
        public bool? IsTransient { get; init; }

        public string? ErrorUserTitle { get; init; }

        public string? ErrorUserMsg { get; init; }
    }

    private sealed record ErrorData(string MessagingProduct, string Details);
}
