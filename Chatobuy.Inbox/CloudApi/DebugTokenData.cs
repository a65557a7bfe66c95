namespace Chatobuy.Inbox.CloudApi;

public sealed record DebugTokenData(
    string? AppId,
    string? Application,
    string? Type,
    long? ExpiresAt,
    bool IsValid,
    IReadOnlyList<string>? Scopes,
    IReadOnlyList<GranularScope>? GranularScopes,
    string? UserId);
