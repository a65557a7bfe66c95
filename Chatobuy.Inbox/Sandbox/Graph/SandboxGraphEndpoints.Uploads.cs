using System.Globalization;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Sandbox.State;

namespace Chatobuy.Inbox.Sandbox.Graph;

/// <summary>
/// The Resumable Upload API (reference §6.3): <c>POST /{app-id}/uploads</c> (or <c>app/uploads</c>) opens a session,
/// <c>POST /upload:&lt;id&gt;?sig=…</c> with <c>file_offset</c> appends bytes, <c>GET /upload:&lt;id&gt;?sig=…</c> says how far it got.
/// </summary>
public static partial class SandboxGraphEndpoints
{
    private static async Task<IResult> OpenUploadSessionAsync(HttpRequest request, SandboxUploads uploads, CancellationToken cancellationToken)
    {
        var read = await ReadParametersAsync(request, cancellationToken);
        if (read.Body is not { } parameters)
        {
            return read.Error!;
        }

        if (!long.TryParse(Text(parameters["file_length"]), NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length <= 0)
        {
            return SandboxGraphErrors.InvalidParameter("(#100) Param file_length must be a positive integer");
        }

        if (length > SandboxMediaRules.MaxBytes)
        {
            return SandboxGraphErrors.InvalidParameter($"(#100) Param file_length must be at most {SandboxMediaRules.MaxBytes}");
        }

        var fileType = Text(parameters["file_type"]) ?? "";
        if (!SandboxUploads.AllowedTypes.Contains(fileType))
        {
            return SandboxGraphErrors.InvalidParameter($"(#100) Param file_type must be one of {{{string.Join(", ", SandboxUploads.AllowedTypes)}}}");
        }

        var fileName = Text(parameters["file_name"]) is { Length: > 0 } name ? name : "file";
        return TypedResults.Json(new JsonObject { ["id"] = uploads.Open(fileName, length, fileType) }, SandboxJson.Options);
    }

    private static IResult UploadProgress(string id, HttpRequest request, SandboxUploads uploads)
    {
        if (CheckUploadSession(id, request, uploads) is { } refused)
        {
            return refused;
        }

        var progress = uploads.Progress(id)!;
        return TypedResults.Json(new JsonObject { ["id"] = progress.SessionId, ["file_offset"] = progress.FileOffset }, SandboxJson.Options);
    }

    /// <summary>One chunk: the token must be in the header (not the query) and <c>file_offset</c> must match the bytes received.</summary>
    private static async Task<IResult> AppendUploadAsync(string id, HttpContext http, SandboxUploads uploads, CancellationToken cancellationToken)
    {
        var request = http.Request;
        if (string.IsNullOrEmpty(request.Headers.Authorization.ToString()))
        {
            return SandboxGraphErrors.MissingToken(http);
        }

        if (CheckUploadSession(id, request, uploads) is { } refused)
        {
            return refused;
        }

        if (!long.TryParse(request.Headers["file_offset"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return SandboxGraphErrors.InvalidParameter("(#100) The file_offset header is required and must be a non-negative integer");
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        var appended = uploads.Append(id, offset, body.GetBuffer().AsSpan(0, (int)body.Length));
        if (appended.Interrupt)
        {
            http.Abort();
            return TypedResults.Empty;
        }

        if (appended.Error is { } error)
        {
            return SandboxGraphErrors.InvalidParameter(error);
        }

        var progress = appended.Progress!;
        return TypedResults.Json(
            progress.Handle is { } handle
                ? new JsonObject { ["h"] = handle }
                : new JsonObject { ["id"] = progress.SessionId, ["file_offset"] = progress.FileOffset },
            SandboxJson.Options);
    }

    private static IResult? CheckUploadSession(string id, HttpRequest request, SandboxUploads uploads) =>
        uploads.Check(id, request.Query["sig"].FirstOrDefault()) switch
        {
            SessionCheck.BadSignature => SandboxGraphErrors.IncorrectSignature(),
            SessionCheck.Unknown => SandboxGraphErrors.UnsupportedRequest(request.Method.ToLowerInvariant(), id),
            _ => null,
        };
}
