namespace Chatobuy.Inbox.CloudApi;

public sealed record WabaData(
    string Id,
    string? Name,
    string? Currency,
    string? TimezoneId,
    string? MessageTemplateNamespace);
