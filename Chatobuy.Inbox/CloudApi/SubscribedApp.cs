using System.Text.Json.Serialization;

namespace Chatobuy.Inbox.CloudApi;

public sealed record SubscribedApp(
    [property: JsonPropertyName("whatsapp_business_api_data")] SubscribedAppData? WhatsAppBusinessApiData,
    string? OverrideCallbackUri);
