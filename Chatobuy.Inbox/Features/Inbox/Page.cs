namespace Chatobuy.Inbox.Features.Inbox;

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);
