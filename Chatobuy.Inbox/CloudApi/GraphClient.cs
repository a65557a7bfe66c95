using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.CloudApi.Messages;
using Refit;

namespace Chatobuy.Inbox.CloudApi;

/// <summary>
/// The Graph API as the features use it: pages followed to the end, every failure turned into a
/// <see cref="GraphError"/>. Nothing here retries a call by itself.
/// </summary>
public sealed partial class GraphClient(
    IGraphApi api,
    IHttpClientFactory httpClients,
    ILogger<GraphClient> logger,
    IEnumerable<IGraphRefusalObserver>? observers = null)
{
    /// <summary>The named client for media downloads: absolute URLs outside the Graph root, so not through Refit.</summary>
    public const string MediaDownloadClient = "Chatobuy.GraphMediaDownload";

    private const string WabaFields = "id,name,currency,timezone_id,message_template_namespace";
    private const string PhoneFields = "id,display_phone_number,verified_name,quality_rating,code_verification_status,name_status,status,platform_type,throughput";
    private const string PhoneHealthFields = "id,display_phone_number,verified_name,quality_rating,status,throughput,messaging_limit_tier";
    private const string ProductFields = "id,retailer_id,name,price,currency,image_url";
    private const int PageSize = 100;

    public Task<GraphResult<DebugTokenData>> CheckTokenAsync(GraphConnection connection, CancellationToken cancellationToken) =>
        CallAsync(GraphOperation.CheckToken, async () => (await api.DebugTokenAsync(connection, connection.AccessToken, cancellationToken)).Data);

    /// <summary>The WhatsApp Business Accounts a business owns and those shared with it, every page.</summary>
    public Task<GraphResult<IReadOnlyList<WabaData>>> ListWabasAsync(GraphConnection connection, string businessId, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<WabaData>>(GraphOperation.ListAccounts, async () =>
        {
            var owned = await ReadAllAsync(after => api.GetOwnedWabasAsync(connection, businessId, WabaFields, PageSize, after, cancellationToken));
            var shared = await ReadAllAsync(after => api.GetClientWabasAsync(connection, businessId, WabaFields, PageSize, after, cancellationToken));
            return owned.Concat(shared).DistinctBy(w => w.Id).ToList();
        });

    public Task<GraphResult<IReadOnlyList<PhoneNumberData>>> ListPhoneNumbersAsync(GraphConnection connection, string wabaId, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<PhoneNumberData>>(GraphOperation.ListPhoneNumbers, async () =>
            await ReadAllAsync(after => api.GetPhoneNumbersAsync(connection, wabaId, PhoneFields, PageSize, after, cancellationToken)));

    public Task<GraphResult<bool>> SubscribeAppAsync(GraphConnection connection, string wabaId, CancellationToken cancellationToken) =>
        CallAsync(GraphOperation.SubscribeApp, async () => (await api.SubscribeAppAsync(connection, wabaId, cancellationToken)).Success);

    public Task<GraphResult<bool>> UnsubscribeAppAsync(GraphConnection connection, string wabaId, CancellationToken cancellationToken) =>
        CallAsync(GraphOperation.UnsubscribeApp, async () => (await api.UnsubscribeAppAsync(connection, wabaId, cancellationToken)).Success);

    /// <summary>Reference §1.3: the number's status, quality rating, throughput and messaging limit tier.</summary>
    public Task<GraphResult<PhoneNumberData>> GetPhoneNumberAsync(GraphConnection connection, string phoneNumberId, CancellationToken cancellationToken) =>
        CallAsync(GraphOperation.ListPhoneNumbers, async () => await api.GetPhoneNumberAsync(connection, phoneNumberId, PhoneHealthFields, cancellationToken));

    public Task<GraphResult<IReadOnlyList<SubscribedApp>>> GetSubscribedAppsAsync(GraphConnection connection, string wabaId, CancellationToken cancellationToken) =>
        CallAsync(GraphOperation.Other, async () => (await api.GetSubscribedAppsAsync(connection, wabaId, cancellationToken)).Data);

    /// <summary>Asks Meta to deliver this phone number's webhooks to <paramref name="callbackUrl"/>; Meta verifies the URL first.</summary>
    public Task<GraphResult<bool>> SetWebhookOverrideAsync(
        GraphConnection connection,
        string phoneNumberId,
        string callbackUrl,
        string verifyToken,
        CancellationToken cancellationToken) =>
        CallAsync(GraphOperation.SetWebhook, async () => (await api.SetPhoneWebhookOverrideAsync(
            connection,
            phoneNumberId,
            new WebhookOverrideRequest(new WebhookConfiguration(callbackUrl, verifyToken)),
            cancellationToken)).Success);

    /// <summary>
    /// The products of <paramref name="catalogId"/> with these retailer ids (commerce reference §1.3: looked up with a
    /// <c>retailer_id</c> <c>is_any</c> filter rather than by paging through the whole catalog).
    /// </summary>
    public Task<GraphResult<IReadOnlyList<CatalogProductData>>> FindCatalogProductsAsync(
        GraphConnection connection,
        string catalogId,
        IReadOnlyCollection<string> retailerIds,
        CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<CatalogProductData>>(GraphOperation.Other, async () =>
        {
            // One page holds them all: at most PageSize ids are asked for at once.
            var ids = retailerIds.Distinct().Take(PageSize).Select(id => (JsonNode?)id).ToArray();
            var filter = new JsonObject { ["retailer_id"] = new JsonObject { ["is_any"] = new JsonArray(ids) } };
            return (await api.GetCatalogProductsAsync(connection, catalogId, ProductFields, filter.ToJsonString(), PageSize, cancellationToken)).Data;
        });

    /// <summary>Reference §4.2: where to download a media id from (the URL lives 5 minutes), its type, hash and size.</summary>
    public Task<GraphResult<MediaInfo>> GetMediaAsync(GraphConnection connection, string mediaId, CancellationToken cancellationToken) =>
        CallAsync(GraphOperation.GetMedia, async () => await api.GetMediaAsync(connection, mediaId, cancellationToken));

    /// <summary>
    /// Reference §4.3: a plain GET of the URL <see cref="GetMediaAsync"/> gave, with the connection's Bearer token,
    /// following redirects; the body is streamed into <paramref name="destination"/>. The value is the number of bytes.
    /// </summary>
    public async Task<GraphResult<long>> DownloadMediaAsync(
        GraphConnection connection,
        string url,
        Stream destination,
        CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return GraphResult<long>.Fail(GraphErrorExplainer.Explain(
                GraphErrorExplainer.UnexpectedAnswer, null, null, "The media URL is not an absolute http(s) address.", null, null, GraphOperation.DownloadMedia));
        }

        // The token may only travel in clear text when the Graph root itself is plain http (a local Sandbox).
        if (uri.Scheme == "http" && !connection.Root.Scheme.Equals("http", StringComparison.OrdinalIgnoreCase))
        {
            return GraphResult<long>.Fail(GraphErrorExplainer.Explain(
                GraphErrorExplainer.UnexpectedAnswer, null, null, "The media URL is not https; the token was not sent.", null, null, GraphOperation.DownloadMedia));
        }

        try
        {
            var client = httpClients.CreateClient(MediaDownloadClient);
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", connection.AccessToken);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                var error = FromErrorBody((int)response.StatusCode, body, GraphOperation.DownloadMedia);
                logger.LogWarning("Graph {Operation} failed with code {Code}/{Subcode} (HTTP {Status}, trace {Trace})", GraphOperation.DownloadMedia, error.Code, error.Subcode, error.HttpStatus, error.FbTraceId);
                return GraphResult<long>.Fail(error);
            }

            await using var source = await response.Content.ReadAsStreamAsync(cancellationToken);
            var start = destination.CanSeek ? destination.Position : 0;
            await source.CopyToAsync(destination, cancellationToken);
            return GraphResult<long>.Ok(destination.CanSeek ? destination.Position - start : response.Content.Headers.ContentLength ?? 0);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or SocketException or TaskCanceledException { InnerException: TimeoutException })
        {
            logger.LogWarning("Graph {Operation} could not reach the media host: {Reason}", GraphOperation.DownloadMedia, exception.Message);
            return GraphResult<long>.Fail(GraphErrorExplainer.Explain(GraphErrorExplainer.Unreachable, null, null, exception.Message, null, null, GraphOperation.DownloadMedia));
        }
    }

    /// <summary>
    /// Reference §3: sends one message. Never retried here. An HTTP error from Meta (nothing was sent) comes back as
    /// a <see cref="GraphError"/> whose <see cref="GraphError.IsRetryable"/> says whether trying later may work; a
    /// request that may have left without an answer comes back <see cref="GraphError.IsUnconfirmed"/>.
    /// </summary>
    public Task<GraphResult<SendMessageResponse>> SendMessageAsync(
        GraphConnection connection,
        string phoneNumberId,
        MessageRequest request,
        CancellationToken cancellationToken) =>
        SendCallAsync(GraphOperation.SendMessage, () => api.SendMessageAsync(connection, phoneNumberId, request, cancellationToken));

    /// <summary>Reference §3.6: marks an inbound message read, and shows the typing indicator when asked.</summary>
    public Task<GraphResult<bool>> MarkReadAsync(
        GraphConnection connection,
        string phoneNumberId,
        string inboundWaMessageId,
        bool showTyping,
        CancellationToken cancellationToken) =>
        CallAsync(GraphOperation.MarkRead, async () => (await api.MarkReadAsync(
            connection,
            phoneNumberId,
            MarkReadRequest.For(inboundWaMessageId, showTyping),
            cancellationToken)).Success);

    /// <summary>Reference §4.1: uploads a file for sending; the value is the media id to send it by.</summary>
    public Task<GraphResult<string>> UploadMediaAsync(
        GraphConnection connection,
        string phoneNumberId,
        byte[] content,
        string fileName,
        string mimeType,
        CancellationToken cancellationToken) =>
        CallAsync(GraphOperation.UploadMedia, async () => (await api.UploadMediaAsync(
            connection,
            phoneNumberId,
            "whatsapp",
            mimeType,
            new ByteArrayPart(content, fileName, mimeType),
            cancellationToken)).Id);

    /// <summary>The fields of reference §6.1, in Meta's order.</summary>
    public const string BusinessProfileFields = "about,address,description,email,profile_picture_url,websites,vertical";

    /// <summary>Reference §6.1: the phone number's WhatsApp Business profile.</summary>
    public Task<GraphResult<BusinessProfileData>> GetBusinessProfileAsync(GraphConnection connection, string phoneNumberId, CancellationToken cancellationToken) =>
        CallAsync(GraphOperation.GetBusinessProfile, async () =>
        {
            var page = await api.GetBusinessProfileAsync(connection, phoneNumberId, BusinessProfileFields, cancellationToken);
            return page.Data.Count > 0 ? page.Data[0] : new BusinessProfileData(null, null, null, null, null, null, null, "whatsapp");
        });

    /// <summary>Reference §6.2: sends the fields <paramref name="update"/> names (with <c>messaging_product</c>).</summary>
    public Task<GraphResult<bool>> UpdateBusinessProfileAsync(
        GraphConnection connection,
        string phoneNumberId,
        BusinessProfileUpdate update,
        CancellationToken cancellationToken) =>
        CallAsync(GraphOperation.UpdateBusinessProfile, async () =>
            (await api.UpdateBusinessProfileAsync(connection, phoneNumberId, update, cancellationToken)).Success);

    /// <summary>Follows <c>paging.next</c> (through its <c>after</c> cursor) until Meta stops giving one.</summary>
    private static async Task<List<T>> ReadAllAsync<T>(Func<string?, Task<GraphPage<T>>> readPage)
    {
        var all = new List<T>();
        string? after = null;
        for (var pages = 0; pages < 1000; pages++)
        {
            var page = await readPage(after);
            all.AddRange(page.Data);
            after = page.Paging?.Cursors?.After;
            if (page.Paging?.Next is null || after is null)
            {
                break;
            }
        }

        return all;
    }

    private async Task<GraphResult<T>> CallAsync<T>(GraphOperation operation, Func<Task<T>> call)
    {
        try
        {
            return GraphResult<T>.Ok(await call());
        }
        catch (ApiException exception)
        {
            return GraphResult<T>.Fail(await RefusedAsync(exception, operation));
        }
        catch (Exception exception) when (Transport(exception) is HttpRequestException or SocketException or TaskCanceledException { InnerException: TimeoutException })
        {
            logger.LogWarning("Graph {Operation} could not reach the Graph API: {Reason}", operation, exception.Message);
            return GraphResult<T>.Fail(GraphErrorExplainer.Explain(GraphErrorExplainer.Unreachable, null, null, exception.Message, null, null, operation));
        }
        catch (ApiRequestException exception) when (exception.InnerException is OperationCanceledException canceled)
        {
            ExceptionDispatchInfo.Throw(canceled);
            throw;
        }
    }

    /// <summary>
    /// The failure underneath: Refit wraps what <see cref="HttpClient"/> throws before an answer comes (connection
    /// refused, timeout, connection lost) in an <see cref="ApiRequestException"/>.
    /// </summary>
    private static Exception Transport(Exception exception) =>
        exception is ApiRequestException { InnerException: { } inner } ? inner : exception;

    /// <summary>
    /// Like <see cref="CallAsync{T}"/>, but tells "nothing left" (the connection was never made: safe to try again)
    /// from "it may have left" (timeout or connection lost after sending: unconfirmed, never to be repeated blindly).
    /// </summary>
    private async Task<GraphResult<T>> SendCallAsync<T>(GraphOperation operation, Func<Task<T>> call)
    {
        try
        {
            return GraphResult<T>.Ok(await call());
        }
        catch (ApiException exception)
        {
            return GraphResult<T>.Fail(await RefusedAsync(exception, operation));
        }
        catch (Exception exception) when (Transport(exception) is HttpRequestException request && NeverLeft(request))
        {
            logger.LogWarning("Graph {Operation} could not connect to the Graph API: {Reason}", operation, exception.Message);
            return GraphResult<T>.Fail(GraphErrorExplainer.Explain(GraphErrorExplainer.Unreachable, null, null, exception.Message, null, null, operation));
        }
        catch (Exception exception) when (Transport(exception) is HttpRequestException or IOException or SocketException or TaskCanceledException { InnerException: TimeoutException })
        {
            logger.LogWarning("Graph {Operation} got no answer; the request may have reached Meta: {Reason}", operation, exception.Message);
            return GraphResult<T>.Fail(GraphErrorExplainer.Explain(GraphErrorExplainer.Unconfirmed, null, null, exception.Message, null, null, operation));
        }
        catch (ApiRequestException exception) when (exception.InnerException is OperationCanceledException canceled)
        {
            ExceptionDispatchInfo.Throw(canceled);
            throw;
        }
    }

    /// <summary>Failures that happen before a single byte of the request can have reached the server.</summary>
    private static bool NeverLeft(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    /// <summary>
    /// Meta answered with an error: logged (codes only), explained, and told to the observers when it is about the
    /// token (190) of a saved account: the one place every refused Graph call passes through.
    /// </summary>
    private async Task<GraphError> RefusedAsync(ApiException exception, GraphOperation operation)
    {
        var error = FromApiException(exception, operation);
        logger.LogWarning("Graph {Operation} failed with code {Code}/{Subcode} (HTTP {Status}, trace {Trace})", operation, error.Code, error.Subcode, error.HttpStatus, error.FbTraceId);
        if (error.Code == TokenRefusedCode
            && observers is not null
            && exception.RequestMessage?.Options.TryGetValue(new HttpRequestOptionsKey<GraphConnection>(GraphConnection.OptionKey), out var connection) == true
            && connection.OwnerKey is not null)
        {
            foreach (var observer in observers)
            {
                try
                {
                    await observer.TokenRefusedAsync(connection, error, CancellationToken.None);
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    logger.LogWarning(failure, "An observer of refused Graph tokens failed");
                }
            }
        }

        return error;
    }

    /// <summary>Meta's code for an access token that expired, was revoked or is not valid (reference §8.2).</summary>
    public const int TokenRefusedCode = 190;

    internal static GraphError FromApiException(ApiException exception, GraphOperation operation) =>
        FromErrorBody((int)exception.StatusCode, exception.Content, operation);

    internal static GraphError FromErrorBody(int status, string? content, GraphOperation operation)
    {
        GraphErrorBody? body = null;
        if (!string.IsNullOrWhiteSpace(content))
        {
            try
            {
                body = JsonSerializer.Deserialize<GraphErrorEnvelope>(content, GraphJson.Options)?.Error;
            }
            catch (JsonException)
            {
                body = null;
            }
        }

        return body is null
            ? GraphErrorExplainer.Explain(GraphErrorExplainer.UnexpectedAnswer, null, null, null, null, status, operation)
            : GraphErrorExplainer.Explain(body.Code, body.ErrorSubcode, body.Type, body.Message, body.FbtraceId, status, operation, body.Details) with
            {
                MetaUserMessage = string.IsNullOrWhiteSpace(body.ErrorUserMsg) ? null : body.ErrorUserMsg,
            };
    }
}
