namespace Chatobuy.Inbox.CloudApi;

public sealed record WebhookOverrideRequest(WebhookConfiguration WebhookConfiguration);
