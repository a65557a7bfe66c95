namespace Chatobuy.Inbox.CloudApi;

/// <summary>What the business was doing when the error came, so the explanation can be specific.</summary>
public enum GraphOperation
{
    CheckToken,
    ListAccounts,
    ListPhoneNumbers,
    SubscribeApp,
    UnsubscribeApp,
    SetWebhook,
    GetMedia,
    DownloadMedia,
    SendMessage,
    UploadMedia,
    MarkRead,
    ResumableUpload,
    GetBusinessProfile,
    UpdateBusinessProfile,
    Other,

    // Message templates (reference §5).
    ListTemplates,
    CreateTemplate,
    EditTemplate,
    DeleteTemplate,

    // Catalogs (commerce reference §1) and commerce settings (§2).
    ReadCatalog,
    ListCatalogs,
    LinkCatalog,
    UnlinkCatalog,
    ReadCommerceSettings,
    UpdateCommerceSettings,
}
