namespace Chatobuy.Inbox.CloudApi;

public sealed record SubscribedAppsResponse(IReadOnlyList<SubscribedApp> Data);
