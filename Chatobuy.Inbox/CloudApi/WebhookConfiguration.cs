namespace Chatobuy.Inbox.CloudApi;

public sealed record WebhookConfiguration(string OverrideCallbackUri, string VerifyToken);
