namespace Chatobuy.Inbox.CloudApi;

public sealed record TemplateQuality(string? Score);
