namespace Chatobuy.Inbox.CloudApi;

public sealed record GraphCursors(string? Before, string? After);
