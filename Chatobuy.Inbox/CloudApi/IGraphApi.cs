using Chatobuy.Inbox.CloudApi.Messages;
using Refit;

namespace Chatobuy.Inbox.CloudApi;

/// <summary>
/// The Graph endpoints the inbox uses (reference §1–2, §4.2). Every call names its <see cref="GraphConnection"/>: the
/// <see cref="GraphConnectionHandler"/> points the request at that base URL and version and adds the token.
/// </summary>
public interface IGraphApi
{
    [Get("/debug_token")]
    Task<DebugTokenResponse> DebugTokenAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        [AliasAs("input_token")] string inputToken,
        CancellationToken cancellationToken);

    [Get("/{businessId}/owned_whatsapp_business_accounts")]
    Task<GraphPage<WabaData>> GetOwnedWabasAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        string businessId,
        string fields,
        int limit,
        string? after,
        CancellationToken cancellationToken);

    [Get("/{businessId}/client_whatsapp_business_accounts")]
    Task<GraphPage<WabaData>> GetClientWabasAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        string businessId,
        string fields,
        int limit,
        string? after,
        CancellationToken cancellationToken);

    [Get("/{wabaId}/phone_numbers")]
    Task<GraphPage<PhoneNumberData>> GetPhoneNumbersAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        string wabaId,
        string fields,
        int limit,
        string? after,
        CancellationToken cancellationToken);

    /// <summary>Reference §1.3: one phone number of a WABA by its id.</summary>
    [Get("/{phoneNumberId}")]
    Task<PhoneNumberData> GetPhoneNumberAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        string phoneNumberId,
        string fields,
        CancellationToken cancellationToken);

    [Get("/{wabaId}/subscribed_apps")]
    Task<SubscribedAppsResponse> GetSubscribedAppsAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        string wabaId,
        CancellationToken cancellationToken);

    [Post("/{wabaId}/subscribed_apps")]
    Task<SuccessResponse> SubscribeAppAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        string wabaId,
        CancellationToken cancellationToken);

    [Delete("/{wabaId}/subscribed_apps")]
    Task<SuccessResponse> UnsubscribeAppAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        string wabaId,
        CancellationToken cancellationToken);

    /// <summary>Commerce reference §1.3: a catalog's products, here filtered by retailer id (the SKU orders name).</summary>
    [Get("/{catalogId}/products")]
    Task<GraphPage<CatalogProductData>> GetCatalogProductsAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        string catalogId,
        string fields,
        string filter,
        int limit,
        CancellationToken cancellationToken);

    /// <summary>Commerce reference §1.3: one page of a catalog's products, unfiltered (the library's product pickers).</summary>
    [Get("/{catalogId}/products")]
    Task<GraphPage<CatalogProductData>> ListCatalogProductsAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        string catalogId,
        string fields,
        int limit,
        string? after,
        CancellationToken cancellationToken);

    /// <summary>Commerce reference §1.2: the catalog linked to a WhatsApp Business Account (an empty list when none is).</summary>
    [Get("/{wabaId}/product_catalogs")]
    Task<GraphPage<ProductCatalogData>> GetWabaCatalogsAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        string wabaId,
        string fields,
        CancellationToken cancellationToken);

    /// <summary>Commerce reference §1.1: one page of the catalogs a business owns.</summary>
    [Get("/{businessId}/owned_product_catalogs")]
    Task<GraphPage<ProductCatalogData>> GetOwnedCatalogsAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        string businessId,
        string fields,
        int limit,
        string? after,
        CancellationToken cancellationToken);

    /// <summary>Commerce reference §1.1: one page of the catalogs other businesses share with this one.</summary>
    [Get("/{businessId}/client_product_catalogs")]
    Task<GraphPage<ProductCatalogData>> GetClientCatalogsAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        string businessId,
        string fields,
        int limit,
        string? after,
        CancellationToken cancellationToken);

    /// <summary>Commerce reference §1.2: links a catalog to the account (<c>catalog_id</c> in the query string).</summary>
    [Post("/{wabaId}/product_catalogs")]
    Task<SuccessResponse> LinkCatalogAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        string wabaId,
        [Query, AliasAs("catalog_id")] string catalogId,
        CancellationToken cancellationToken);

    /// <summary>Commerce reference §1.2: unlinks the account's catalog (<c>?catalog_id=</c>).</summary>
    [Delete("/{wabaId}/product_catalogs")]
    Task<SuccessResponse> UnlinkCatalogAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        string wabaId,
        [AliasAs("catalog_id")] string catalogId,
        CancellationToken cancellationToken);

    /// <summary>Commerce reference §2: the number's commerce settings (<c>data</c> holds one element).</summary>
    [Get("/{phoneNumberId}/whatsapp_commerce_settings")]
    Task<GraphPage<CommerceSettingsData>> GetCommerceSettingsAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        string phoneNumberId,
        CancellationToken cancellationToken);

    /// <summary>Commerce reference §2: changes the settings given, as query parameters <c>"true"</c>/<c>"false"</c> (a null is left out).</summary>
    [Post("/{phoneNumberId}/whatsapp_commerce_settings")]
    Task<SuccessResponse> SetCommerceSettingsAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        string phoneNumberId,
        [Query, AliasAs("is_cart_enabled")] string? isCartEnabled,
        [Query, AliasAs("is_catalog_visible")] string? isCatalogVisible,
        CancellationToken cancellationToken);

    /// <summary>Reference §4.2: a short-lived download URL (5 minutes) and the file's type, hash and size.</summary>
    [Get("/{mediaId}")]
    Task<MediaInfo> GetMediaAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        string mediaId,
        CancellationToken cancellationToken);

    /// <summary>Reference §3: sends one message.</summary>
    [Post("/{phoneNumberId}/messages")]
    Task<SendMessageResponse> SendMessageAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        string phoneNumberId,
        [Body] MessageRequest request,
        CancellationToken cancellationToken);

    /// <summary>Reference §3.6: marks an inbound message read, optionally showing the typing indicator.</summary>
    [Post("/{phoneNumberId}/messages")]
    Task<SuccessResponse> MarkReadAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        string phoneNumberId,
        [Body] MarkReadRequest request,
        CancellationToken cancellationToken);

    /// <summary>Reference §4.1: uploads a file for sending; the answer is its media id.</summary>
    [Multipart]
    [Post("/{phoneNumberId}/media")]
    Task<MediaUploadResponse> UploadMediaAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        string phoneNumberId,
        [AliasAs("messaging_product")] string messagingProduct,
        [AliasAs("type")] string type,
        [AliasAs("file")] ByteArrayPart file,
        CancellationToken cancellationToken);

    /// <summary>Reference §6.1: the phone number's WhatsApp Business profile (<c>data</c> holds one element).</summary>
    [Get("/{phoneNumberId}/whatsapp_business_profile")]
    Task<GraphPage<BusinessProfileData>> GetBusinessProfileAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        string phoneNumberId,
        string fields,
        CancellationToken cancellationToken);

    /// <summary>Reference §6.2: changes the fields the request names (null fields are left out).</summary>
    [Post("/{phoneNumberId}/whatsapp_business_profile")]
    Task<SuccessResponse> UpdateBusinessProfileAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        string phoneNumberId,
        [Body] BusinessProfileUpdate update,
        CancellationToken cancellationToken);

    /// <summary>Reference §5.1: one page of a WhatsApp Business Account's message templates, filters optional.</summary>
    [Get("/{wabaId}/message_templates")]
    Task<GraphPage<TemplateData>> GetTemplatesAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        string wabaId,
        string fields,
        int limit,
        string? after,
        string? status,
        CancellationToken cancellationToken);

    /// <summary>Reference §5.1: one template by its id.</summary>
    [Get("/{templateId}")]
    Task<TemplateData> GetTemplateAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        string templateId,
        string fields,
        CancellationToken cancellationToken);

    /// <summary>Reference §5.2: submits a new template for review; it starts PENDING.</summary>
    [Post("/{wabaId}/message_templates")]
    Task<CreateTemplateResponse> CreateTemplateAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        string wabaId,
        [Body] Templates.CreateTemplateRequest template,
        CancellationToken cancellationToken);

    /// <summary>Reference §5.3: changes a template's components and/or category; it goes back to review.</summary>
    [Post("/{templateId}")]
    Task<SuccessResponse> EditTemplateAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        string templateId,
        [Body] Templates.EditTemplateRequest changes,
        CancellationToken cancellationToken);

    /// <summary>Reference §5.4: deletes every language of a name, or one language with <paramref name="hsmId"/>.</summary>
    [Delete("/{wabaId}/message_templates")]
    Task<SuccessResponse> DeleteTemplateAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        string wabaId,
        string name,
        [AliasAs("hsm_id")] string? hsmId,
        CancellationToken cancellationToken);

    /// <summary>
    /// Reference §6.3 step 1: opens a Resumable Upload session on the app (<c>app</c> lets Graph resolve it from the
    /// token). The chunks themselves go through <see cref="ResumableUploader"/>: the session id is used verbatim as a path.
    /// </summary>
    [Post("/{appId}/uploads")]
    Task<UploadSessionResponse> CreateUploadSessionAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        string appId,
        [Query, AliasAs("file_name")] string fileName,
        [Query, AliasAs("file_length")] long fileLength,
        [Query, AliasAs("file_type")] string fileType,
        CancellationToken cancellationToken);

    [Post("/{phoneNumberId}")]
    Task<SuccessResponse> SetPhoneWebhookOverrideAsync(
        [Property(GraphConnection.OptionKey)] GraphConnection connection,
        string phoneNumberId,
        [Body] WebhookOverrideRequest request,
        CancellationToken cancellationToken);
}
