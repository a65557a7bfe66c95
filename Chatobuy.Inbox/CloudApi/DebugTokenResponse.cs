namespace Chatobuy.Inbox.CloudApi;

public sealed record DebugTokenResponse(DebugTokenData Data);
