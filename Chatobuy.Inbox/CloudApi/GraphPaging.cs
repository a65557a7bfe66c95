namespace Chatobuy.Inbox.CloudApi;

public sealed record GraphPaging(GraphCursors? Cursors, string? Next, string? Previous);
