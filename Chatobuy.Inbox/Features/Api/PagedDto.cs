namespace Chatobuy.Inbox.Features.Api;

/// <summary>One page of a list the integration API answers.</summary>
public sealed record PagedDto<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
