namespace Chatobuy.Inbox.CloudApi;

public sealed record GranularScope(string Scope, IReadOnlyList<string>? TargetIds);
