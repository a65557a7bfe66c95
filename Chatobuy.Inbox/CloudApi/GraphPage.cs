namespace Chatobuy.Inbox.CloudApi;

public sealed record GraphPage<T>(IReadOnlyList<T> Data, GraphPaging? Paging);
