namespace Chatobuy.Inbox.CloudApi;

public sealed record SubscribedAppData(string? Id, string? Name, string? Link);
