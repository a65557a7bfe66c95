using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Refit;

namespace Chatobuy.Inbox.CloudApi;

/// <summary>
/// Meta's Resumable Upload API (reference §6.3): opens a session on the token's app, sends the file in chunks with
/// <c>file_offset</c>, and after an interrupted chunk asks the session how far it got and goes on from there. The
/// value is the handle <c>h</c> that a business profile picture or a template header example takes.
/// </summary>
public sealed class ResumableUploader(
    IGraphApi api,
    IHttpClientFactory httpClients,
    IOptions<CloudApiOptions> options,
    ILogger<ResumableUploader> logger)
{
    /// <summary>The named client for the session's own URL (<c>upload:…?sig=…</c>), which must not be re-escaped.</summary>
    public const string HttpClientName = "Chatobuy.GraphResumableUpload";

    /// <summary>How often one upload may pick up again after an interrupted chunk.</summary>
    public const int MaxResumes = 5;

    /// <summary>The file types Meta accepts for a Resumable Upload.</summary>
    public static readonly IReadOnlyList<string> AllowedTypes = ["application/pdf", "image/jpeg", "image/jpg", "image/png", "video/mp4"];

    /// <summary>Used when <c>debug_token</c> names no app: Graph resolves <c>app</c> to the token's app.</summary>
    private const string TokenApp = "app";

    public Task<GraphResult<string>> UploadAsync(
        GraphConnection connection,
        string fileName,
        string mimeType,
        ReadOnlyMemory<byte> content,
        CancellationToken cancellationToken) =>
        UploadAsync(connection, fileName, mimeType, content, options.Value.UploadChunkBytes, cancellationToken);

    /// <summary>The same upload with an explicit chunk size (tests send small files in several chunks).</summary>
    internal async Task<GraphResult<string>> UploadAsync(
        GraphConnection connection,
        string fileName,
        string mimeType,
        ReadOnlyMemory<byte> content,
        int chunkBytes,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkBytes);
        var fileType = mimeType.Split(';')[0].Trim().ToLowerInvariant();
        if (!AllowedTypes.Contains(fileType))
        {
            return NotSent($"Meta only takes PDF, JPEG, PNG or MP4 files here; \"{fileName}\" is {(fileType.Length == 0 ? "of no known type" : fileType)}.");
        }

        if (content.IsEmpty)
        {
            return NotSent($"\"{fileName}\" is empty.");
        }

        var session = await OpenSessionAsync(connection, fileName, content.Length, fileType, cancellationToken);
        if (!session.Succeeded)
        {
            return GraphResult<string>.Fail(session.Error!);
        }

        var sessionUri = SessionUri(connection, session.Value!);
        if (sessionUri is null)
        {
            return Unexpected("Meta's upload session id was not an upload: id.");
        }

        long offset = 0;
        var resumes = 0;
        while (true)
        {
            var length = (int)Math.Min(chunkBytes, content.Length - offset);
            var sent = await SendChunkAsync(connection, sessionUri, offset, content.Slice((int)offset, length), cancellationToken);
            if (sent.Handle is { } handle)
            {
                return GraphResult<string>.Ok(handle);
            }

            if (sent.Refused is { } refused)
            {
                return GraphResult<string>.Fail(refused);
            }

            long next;
            if (sent.Interrupted)
            {
                if (++resumes > MaxResumes)
                {
                    return GraphResult<string>.Fail(GraphErrorExplainer.Explain(
                        GraphErrorExplainer.Unreachable, null, null, $"The upload was interrupted {resumes} times.", null, null, GraphOperation.ResumableUpload));
                }

                var asked = await ReadOffsetAsync(connection, sessionUri, cancellationToken);
                if (!asked.Succeeded)
                {
                    return GraphResult<string>.Fail(asked.Error!);
                }

                next = asked.Value;
                logger.LogInformation("Resumable upload interrupted; resuming at byte {Offset} of {Length}", next, content.Length);
            }
            else
            {
                next = sent.Offset ?? offset + length;
            }

            if (next < 0 || next > content.Length || (!sent.Interrupted && next <= offset))
            {
                return Unexpected($"Meta's upload session reported offset {next} of {content.Length} bytes.");
            }

            offset = next;
        }
    }

    private async Task<GraphResult<string>> OpenSessionAsync(
        GraphConnection connection,
        string fileName,
        long fileLength,
        string fileType,
        CancellationToken cancellationToken)
    {
        try
        {
            var token = await api.DebugTokenAsync(connection, connection.AccessToken, cancellationToken);
            var appId = string.IsNullOrWhiteSpace(token.Data.AppId) ? TokenApp : token.Data.AppId;
            var session = await api.CreateUploadSessionAsync(connection, appId, fileName, fileLength, fileType, cancellationToken);
            return GraphResult<string>.Ok(session.Id);
        }
        catch (ApiException exception)
        {
            var error = GraphClient.FromApiException(exception, GraphOperation.ResumableUpload);
            logger.LogWarning("Resumable upload session refused with code {Code} (HTTP {Status}, trace {Trace})", error.Code, error.HttpStatus, error.FbTraceId);
            return GraphResult<string>.Fail(error);
        }
        catch (Exception exception) when (IsConnectionFailure(exception))
        {
            logger.LogWarning("Resumable upload could not open a session: {Reason}", exception.Message);
            return GraphResult<string>.Fail(GraphErrorExplainer.Explain(
                GraphErrorExplainer.Unreachable, null, null, exception.Message, null, null, GraphOperation.ResumableUpload));
        }
    }

    /// <summary>
    /// The session's URL: Meta's id (<c>upload:&lt;id&gt;?sig=&lt;sig&gt;</c>) appended verbatim to the Graph root, so its
    /// <c>?sig=</c> stays the query string. Null when the id is not an upload id.
    /// </summary>
    internal static Uri? SessionUri(GraphConnection connection, string sessionId)
    {
        if (!sessionId.StartsWith("upload:", StringComparison.Ordinal) || sessionId.Contains('/') || sessionId.Contains('#'))
        {
            return null;
        }

        return Uri.TryCreate(connection.Root.AbsoluteUri + sessionId, UriKind.Absolute, out var uri) ? uri : null;
    }

    private async Task<ChunkOutcome> SendChunkAsync(
        GraphConnection connection,
        Uri sessionUri,
        long offset,
        ReadOnlyMemory<byte> chunk,
        CancellationToken cancellationToken)
    {
        using var request = SessionRequest(HttpMethod.Post, sessionUri, connection);
        request.Headers.TryAddWithoutValidation("file_offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Content = new ReadOnlyMemoryContent(chunk);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if ((int)response.StatusCode >= 500)
            {
                logger.LogWarning("Resumable upload chunk at byte {Offset} answered HTTP {Status}", offset, (int)response.StatusCode);
                return new ChunkOutcome(null, null, null, Interrupted: true);
            }

            if (!response.IsSuccessStatusCode)
            {
                return new ChunkOutcome(null, null, Refused((int)response.StatusCode, body), Interrupted: false);
            }

            var progress = Parse(body);
            return progress is null
                ? new ChunkOutcome(null, null, Unexpected("Meta's answer to an upload chunk was not JSON.").Error, Interrupted: false)
                : new ChunkOutcome(string.IsNullOrEmpty(progress.H) ? null : progress.H, progress.FileOffset, null, Interrupted: false);
        }
        catch (Exception exception) when (IsConnectionFailure(exception))
        {
            logger.LogWarning("Resumable upload chunk at byte {Offset} was interrupted: {Reason}", offset, exception.Message);
            return new ChunkOutcome(null, null, null, Interrupted: true);
        }
    }

    /// <summary>Reference §6.3 step 3: how many bytes the session holds.</summary>
    private async Task<GraphResult<long>> ReadOffsetAsync(GraphConnection connection, Uri sessionUri, CancellationToken cancellationToken)
    {
        using var request = SessionRequest(HttpMethod.Get, sessionUri, connection);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return GraphResult<long>.Fail(Refused((int)response.StatusCode, body));
            }

            return Parse(body)?.FileOffset is { } offset
                ? GraphResult<long>.Ok(offset)
                : GraphResult<long>.Fail(GraphErrorExplainer.Explain(
                    GraphErrorExplainer.UnexpectedAnswer, null, null, null, null, (int)response.StatusCode, GraphOperation.ResumableUpload));
        }
        catch (Exception exception) when (IsConnectionFailure(exception))
        {
            logger.LogWarning("Resumable upload could not ask the session for its offset: {Reason}", exception.Message);
            return GraphResult<long>.Fail(GraphErrorExplainer.Explain(
                GraphErrorExplainer.Unreachable, null, null, exception.Message, null, null, GraphOperation.ResumableUpload));
        }
    }

    /// <summary>The upload step takes the token in the header, with Meta's <c>OAuth</c> scheme (reference §0).</summary>
    private static HttpRequestMessage SessionRequest(HttpMethod method, Uri sessionUri, GraphConnection connection)
    {
        var request = new HttpRequestMessage(method, sessionUri);
        request.Headers.Authorization = new AuthenticationHeaderValue("OAuth", connection.AccessToken);
        return request;
    }

    private GraphError Refused(int status, string body)
    {
        var error = GraphClient.FromErrorBody(status, body, GraphOperation.ResumableUpload);
        logger.LogWarning("Resumable upload refused with code {Code} (HTTP {Status}, trace {Trace})", error.Code, error.HttpStatus, error.FbTraceId);
        return error;
    }

    private static UploadProgressResponse? Parse(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<UploadProgressResponse>(body, GraphJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Refit wraps the transport's exception in its ApiRequestException.
    private static bool IsConnectionFailure(Exception exception) =>
        exception is HttpRequestException or IOException or SocketException or TaskCanceledException { InnerException: TimeoutException }
        || (exception is ApiRequestException { InnerException: { } transport } && IsConnectionFailure(transport));

    private static GraphResult<string> NotSent(string reason) =>
        GraphResult<string>.Fail(GraphErrorExplainer.Explain(GraphErrorExplainer.NotSent, null, null, reason, null, null, GraphOperation.ResumableUpload));

    private static GraphResult<string> Unexpected(string reason) =>
        GraphResult<string>.Fail(GraphErrorExplainer.Explain(GraphErrorExplainer.UnexpectedAnswer, null, null, reason, null, null, GraphOperation.ResumableUpload));

    /// <summary>What one chunk came to: the handle (done), the next offset, Meta's refusal, or an interruption to resume from.</summary>
    private sealed record ChunkOutcome(string? Handle, long? Offset, GraphError? Refused, bool Interrupted);
}
