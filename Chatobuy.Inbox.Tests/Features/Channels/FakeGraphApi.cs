using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.CloudApi.Messages;
using Chatobuy.Inbox.CloudApi.Templates;
using Refit;

namespace Chatobuy.Inbox.Tests.Features.Channels;

/// <summary>An in-memory Graph API for component tests: one business, two accounts, three numbers.</summary>
internal sealed class FakeGraphApi : IGraphApi
{
    public string? FailWithErrorJson { get; set; }

    public int FailStatus { get; set; } = 401;

    public List<string> Calls { get; } = [];

    /// <summary>What <c>GET /{media-id}</c> answers, by media id.</summary>
    public Dictionary<string, MediaInfo> Media { get; } = [];

    /// <summary>Graph error bodies answered (HTTP 500), one per media lookup, before lookups succeed again.</summary>
    public Queue<string> MediaFailures { get; } = new();

    /// <summary>The <c>app_id</c> debug_token names (null: none).</summary>
    public string? DebugTokenAppId { get; set; } = "1";

    public Task<DebugTokenResponse> DebugTokenAsync(GraphConnection connection, string inputToken, CancellationToken cancellationToken)
    {
        Calls.Add("debug_token");
        return Answer(new DebugTokenResponse(new DebugTokenData(DebugTokenAppId, "App", "SYSTEM_USER", 0, true, [], [], "9")));
    }

    public Task<GraphPage<WabaData>> GetOwnedWabasAsync(GraphConnection connection, string businessId, string fields, int limit, string? after, CancellationToken cancellationToken)
    {
        Calls.Add("owned");
        return Answer(new GraphPage<WabaData>([new WabaData("111", "Store account", "USD", "1", null)], null));
    }

    public Task<GraphPage<WabaData>> GetClientWabasAsync(GraphConnection connection, string businessId, string fields, int limit, string? after, CancellationToken cancellationToken)
    {
        Calls.Add("client");
        return Answer(new GraphPage<WabaData>([new WabaData("222", "Support account", "EUR", "1", null)], null));
    }

    public Task<GraphPage<PhoneNumberData>> GetPhoneNumbersAsync(GraphConnection connection, string wabaId, string fields, int limit, string? after, CancellationToken cancellationToken)
    {
        Calls.Add($"phone_numbers:{wabaId}");
        IReadOnlyList<PhoneNumberData> numbers = wabaId == "111"
            ? [Number("1001", "+1 555-0101", "Store", "GREEN"), Number("1002", "+1 555-0102", "Store Two", "YELLOW")]
            : [Number("2001", "+44 20 5550 0103", "Support", "RED")];
        return Answer(new GraphPage<PhoneNumberData>(numbers, null));
    }

    public Task<GraphPage<CatalogProductData>> GetCatalogProductsAsync(GraphConnection connection, string catalogId, string fields, string filter, int limit, CancellationToken cancellationToken)
    {
        Calls.Add($"products:{catalogId}");
        return Answer(new GraphPage<CatalogProductData>([], null));
    }

    /// <summary>The catalog <c>GET /{waba-id}/product_catalogs</c> answers (null: none linked).</summary>
    public ProductCatalogData? LinkedCatalog { get; set; }

    /// <summary>The products <c>GET /{catalog-id}/products</c> lists, two per page.</summary>
    public List<CatalogProductData> CatalogProducts { get; } = [];

    public Task<GraphPage<CatalogProductData>> ListCatalogProductsAsync(GraphConnection connection, string catalogId, string fields, int limit, string? after, CancellationToken cancellationToken)
    {
        Calls.Add($"catalog_products:{catalogId}:{after}");
        var start = after is null ? 0 : int.Parse(after, System.Globalization.CultureInfo.InvariantCulture);
        var page = CatalogProducts.Skip(start).Take(2).ToList();
        var next = start + 2 < CatalogProducts.Count ? (start + 2).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return Answer(new GraphPage<CatalogProductData>(page, next is null ? null : new GraphPaging(new GraphCursors(null, next), $"http://graph.test/next?after={next}", null)));
    }

    /// <summary>The catalogs the business owns (<c>owned_product_catalogs</c>).</summary>
    public List<ProductCatalogData> OwnedCatalogs { get; } = [];

    /// <summary>What <c>whatsapp_commerce_settings</c> answers, and what a POST changes.</summary>
    public CommerceSettingsData CommerceSettings { get; set; } = CommerceSettingsData.Default;

    public Task<GraphPage<ProductCatalogData>> GetOwnedCatalogsAsync(GraphConnection connection, string businessId, string fields, int limit, string? after, CancellationToken cancellationToken)
    {
        Calls.Add($"owned_product_catalogs:{businessId}");
        return Answer(new GraphPage<ProductCatalogData>(OwnedCatalogs.ToList(), null));
    }

    public Task<GraphPage<ProductCatalogData>> GetClientCatalogsAsync(GraphConnection connection, string businessId, string fields, int limit, string? after, CancellationToken cancellationToken) =>
        Answer(new GraphPage<ProductCatalogData>([], null));

    public Task<SuccessResponse> LinkCatalogAsync(GraphConnection connection, string wabaId, string catalogId, CancellationToken cancellationToken)
    {
        Calls.Add($"link:{wabaId}:{catalogId}");
        LinkedCatalog = OwnedCatalogs.FirstOrDefault(c => c.Id == catalogId) ?? new ProductCatalogData(catalogId, null);
        return Answer(new SuccessResponse(true));
    }

    public Task<SuccessResponse> UnlinkCatalogAsync(GraphConnection connection, string wabaId, string catalogId, CancellationToken cancellationToken)
    {
        Calls.Add($"unlink:{wabaId}:{catalogId}");
        LinkedCatalog = null;
        return Answer(new SuccessResponse(true));
    }

    public Task<GraphPage<CommerceSettingsData>> GetCommerceSettingsAsync(GraphConnection connection, string phoneNumberId, CancellationToken cancellationToken)
    {
        Calls.Add($"commerce_settings:{phoneNumberId}");
        return Answer(new GraphPage<CommerceSettingsData>([CommerceSettings], null));
    }

    public Task<SuccessResponse> SetCommerceSettingsAsync(GraphConnection connection, string phoneNumberId, string? isCartEnabled, string? isCatalogVisible, CancellationToken cancellationToken)
    {
        Calls.Add($"set_commerce_settings:{phoneNumberId}:{isCartEnabled}:{isCatalogVisible}");
        CommerceSettings = CommerceSettings with
        {
            IsCartEnabled = isCartEnabled is null ? CommerceSettings.IsCartEnabled : isCartEnabled == "true",
            IsCatalogVisible = isCatalogVisible is null ? CommerceSettings.IsCatalogVisible : isCatalogVisible == "true",
        };
        return Answer(new SuccessResponse(true));
    }

    public Task<GraphPage<ProductCatalogData>> GetWabaCatalogsAsync(GraphConnection connection, string wabaId, string fields, CancellationToken cancellationToken)
    {
        Calls.Add($"product_catalogs:{wabaId}");
        return Answer(new GraphPage<ProductCatalogData>(LinkedCatalog is null ? [] : [LinkedCatalog], null));
    }

    public Task<PhoneNumberData> GetPhoneNumberAsync(GraphConnection connection, string phoneNumberId, string fields, CancellationToken cancellationToken)
    {
        Calls.Add($"phone_number:{phoneNumberId}");
        return Answer(Number(phoneNumberId, "+1 555-0101", "Store", "GREEN"));
    }

    public Task<SubscribedAppsResponse> GetSubscribedAppsAsync(GraphConnection connection, string wabaId, CancellationToken cancellationToken) =>
        Answer(new SubscribedAppsResponse([]));

    public Task<SuccessResponse> SubscribeAppAsync(GraphConnection connection, string wabaId, CancellationToken cancellationToken)
    {
        Calls.Add($"subscribe:{wabaId}");
        return Answer(new SuccessResponse(true));
    }

    public Task<SuccessResponse> UnsubscribeAppAsync(GraphConnection connection, string wabaId, CancellationToken cancellationToken)
    {
        Calls.Add($"unsubscribe:{wabaId}");
        return Answer(new SuccessResponse(true));
    }

    public Task<SuccessResponse> SetPhoneWebhookOverrideAsync(GraphConnection connection, string phoneNumberId, WebhookOverrideRequest request, CancellationToken cancellationToken)
    {
        Calls.Add($"override:{phoneNumberId}:{request.WebhookConfiguration.OverrideCallbackUri}");
        return Answer(new SuccessResponse(true));
    }

    public Task<MediaInfo> GetMediaAsync(GraphConnection connection, string mediaId, CancellationToken cancellationToken)
    {
        Calls.Add($"media:{mediaId}");
        return MediaFailures.TryDequeue(out var failure)
            ? Fail<MediaInfo>(failure, 500)
            : Answer(Media[mediaId]);
    }

    /// <summary>Every message sent, in order, as the JSON Meta gets.</summary>
    public List<JsonObject> SentPayloads { get; } = [];

    /// <summary>A copy of <see cref="SentPayloads"/>, safe while the sender is at work.</summary>
    public List<JsonObject> SentSnapshot()
    {
        lock (SentPayloads)
        {
            return [.. SentPayloads];
        }
    }

    /// <summary>What the next sends do, one each (a Graph error body with its HTTP status, or an exception); then they succeed.</summary>
    public Queue<Func<Task<SendMessageResponse>>> SendBehaviours { get; } = new();

    public List<(string FileName, string MimeType, int Length)> Uploads { get; } = [];

    private int _wamids;

    public Task<SendMessageResponse> SendMessageAsync(GraphConnection connection, string phoneNumberId, MessageRequest request, CancellationToken cancellationToken)
    {
        Func<Task<SendMessageResponse>>? behaviour;
        lock (SentPayloads)
        {
            SentPayloads.Add(JsonNode.Parse(request.ToJson())!.AsObject());
            SendBehaviours.TryDequeue(out behaviour);
        }

        if (behaviour is not null)
        {
            return behaviour();
        }

        var wamid = $"wamid.fake{Interlocked.Increment(ref _wamids)}";
        var to = request.To;
        return Task.FromResult(new SendMessageResponse("whatsapp", [new SentContact(to, to, null)], [new SentMessage(wamid, "accepted")]));
    }

    public Task<SuccessResponse> MarkReadAsync(GraphConnection connection, string phoneNumberId, MarkReadRequest request, CancellationToken cancellationToken)
    {
        Calls.Add($"read:{request.MessageId}");
        return Answer(new SuccessResponse(true));
    }

    public Task<MediaUploadResponse> UploadMediaAsync(GraphConnection connection, string phoneNumberId, string messagingProduct, string type, ByteArrayPart file, CancellationToken cancellationToken)
    {
        lock (Uploads)
        {
            Uploads.Add((file.FileName, type, file.Value.Length));
        }

        return Answer(new MediaUploadResponse($"media-{Uploads.Count}"));
    }

    /// <summary>What <c>GET /{waba-id}/message_templates</c> answers (one page).</summary>
    public List<TemplateData> Templates { get; } = [];

    public Task<GraphPage<TemplateData>> GetTemplatesAsync(GraphConnection connection, string wabaId, string fields, int limit, string? after, string? status, CancellationToken cancellationToken)
    {
        Calls.Add($"templates:{wabaId}");
        return Answer(new GraphPage<TemplateData>(Templates.Where(t => status is null || t.Status == status).ToList(), null));
    }

    public Task<TemplateData> GetTemplateAsync(GraphConnection connection, string templateId, string fields, CancellationToken cancellationToken) =>
        Answer(Templates.FirstOrDefault(t => t.Id == templateId)!);

    public Task<CreateTemplateResponse> CreateTemplateAsync(GraphConnection connection, string wabaId, CreateTemplateRequest template, CancellationToken cancellationToken)
    {
        Calls.Add($"create_template:{template.Name}");
        return Answer(new CreateTemplateResponse("5550001", "PENDING", template.Category));
    }

    public Task<SuccessResponse> EditTemplateAsync(GraphConnection connection, string templateId, EditTemplateRequest changes, CancellationToken cancellationToken)
    {
        Calls.Add($"edit_template:{templateId}");
        return Answer(new SuccessResponse(true));
    }

    public Task<SuccessResponse> DeleteTemplateAsync(GraphConnection connection, string wabaId, string name, string? hsmId, CancellationToken cancellationToken)
    {
        Calls.Add($"delete_template:{name}:{hsmId}");
        return Answer(new SuccessResponse(true));
    }

    /// <summary>A send answered with a Graph error (nothing was sent).</summary>
    /// <summary>What <c>GET /{phone-number-id}/whatsapp_business_profile</c> answers.</summary>
    public BusinessProfileData Profile { get; set; } = new("Fresh plants daily", "1 Garden Way", "Plants and pots", "shop@example.com", null, ["https://shop.example.com/"], "RETAIL", "whatsapp");

    /// <summary>The profile updates sent, oldest first.</summary>
    public List<BusinessProfileUpdate> ProfileUpdates { get; } = [];

    public Task<GraphPage<BusinessProfileData>> GetBusinessProfileAsync(GraphConnection connection, string phoneNumberId, string fields, CancellationToken cancellationToken)
    {
        Calls.Add("profile");
        return Answer(new GraphPage<BusinessProfileData>([Profile], null));
    }

    /// <summary>A Graph error body (HTTP 400) the next profile update gets instead of success.</summary>
    public string? ProfileUpdateFailure { get; set; }

    public Task<SuccessResponse> UpdateBusinessProfileAsync(GraphConnection connection, string phoneNumberId, BusinessProfileUpdate update, CancellationToken cancellationToken)
    {
        Calls.Add("profile-update");
        if (ProfileUpdateFailure is { } failure)
        {
            ProfileUpdateFailure = null;
            return Fail<SuccessResponse>(failure, 400);
        }

        ProfileUpdates.Add(update);
        return Answer(new SuccessResponse(true));
    }

    /// <summary>Upload sessions opened, as "file_name:file_length:file_type".</summary>
    public List<string> UploadSessions { get; } = [];

    /// <summary>A Graph error body (HTTP 400) that opening an upload session gets instead of a session.</summary>
    public string? UploadSessionFailure { get; set; }

    public Task<UploadSessionResponse> CreateUploadSessionAsync(GraphConnection connection, string appId, string fileName, long fileLength, string fileType, CancellationToken cancellationToken)
    {
        Calls.Add($"uploads:{appId}");
        if (UploadSessionFailure is { } failure)
        {
            return Fail<UploadSessionResponse>(failure, 400);
        }

        UploadSessions.Add($"{fileName}:{fileLength}:{fileType}");
        return Answer(new UploadSessionResponse($"upload:fake{UploadSessions.Count}?sig=fakesig"));
    }

    public static Func<Task<SendMessageResponse>> Refuse(int code, int status = 400) =>
        () => Fail<SendMessageResponse>($$$"""{"error":{"message":"(#{{{code}}}) refused","type":"OAuthException","code":{{{code}}},"fbtrace_id":"Atrace{{{code}}}"}}""", status);

    private static PhoneNumberData Number(string id, string display, string name, string quality) =>
        new(id, display, name, quality, "VERIFIED", "APPROVED", "CONNECTED", "CLOUD_API", new PhoneThroughput("STANDARD"));

    private Task<T> Answer<T>(T value) =>
        FailWithErrorJson is null ? Task.FromResult(value) : Fail<T>(FailWithErrorJson, FailStatus);

    private static async Task<T> Fail<T>(string errorJson, int status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://graph.test/v23.0/x");
        using var response = new HttpResponseMessage((HttpStatusCode)status)
        {
            Content = new StringContent(errorJson, Encoding.UTF8, "application/json"),
            RequestMessage = request,
        };
        throw await ApiException.Create(request, HttpMethod.Get, response, new RefitSettings());
    }
}
