using System.Globalization;
using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>
/// <c>GET /api/v1/conversations</c> (most recent first, filter by channel and status) and
/// <c>GET /api/v1/conversations/{id}/messages</c> (oldest first, with reactions and media links). Paged.
/// </summary>
public static class ConversationsApi
{
    public const string NotFoundMessage = "Conversation not found";
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public const string Tag = "Conversations";

    public static RouteGroupBuilder MapConversationsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/conversations", ListAsync).WithTags(Tag);
        api.MapGet("/conversations/{id:long}/messages", ListMessagesAsync).WithTags(Tag);
        return api;
    }

    private static async Task<Results<Ok<PagedDto<ConversationDto>>, BadRequest<ApiError>>> ListAsync(
        string? channelId,
        string? status,
        string? page,
        string? pageSize,
        ConversationQueries queries,
        CancellationToken cancellationToken)
    {
        if (ReadPaging(page, pageSize) is not { } paging)
        {
            return TypedResults.BadRequest(PagingError(page));
        }

        if (!TryReadStatus(status, out var wanted))
        {
            return TypedResults.BadRequest(new ApiError("status must be \"open\" or \"resolved\"."));
        }

        var result = await queries.ListConversationsAsync(channelId, wanted, paging.Page, paging.PageSize, cancellationToken);
        return TypedResults.Ok(new PagedDto<ConversationDto>(
            result.Items.Select(ConversationDto.From).ToList(), result.PageNumber, result.PageSize, result.Total));
    }

    private static async Task<Results<Ok<PagedDto<MessageDto>>, NotFound<ApiError>, BadRequest<ApiError>>> ListMessagesAsync(
        long id,
        string? page,
        string? pageSize,
        HttpRequest request,
        ConversationQueries queries,
        GraphTargets targets,
        CancellationToken cancellationToken)
    {
        if (ReadPaging(page, pageSize) is not { } paging)
        {
            return TypedResults.BadRequest(PagingError(page));
        }

        var result = await queries.ListMessagesAsync(id, paging.Page, paging.PageSize, cancellationToken);
        if (result is null)
        {
            return TypedResults.NotFound(new ApiError(NotFoundMessage));
        }

        var baseUrl = targets.PublicBaseUrl($"{request.Scheme}://{request.Host}{request.PathBase}");
        return TypedResults.Ok(new PagedDto<MessageDto>(
            result.Items.Select(m => MessageDto.From(m, baseUrl)).ToList(), result.PageNumber, result.PageSize, result.Total));
    }

    private static (int Page, int PageSize)? ReadPaging(string? page, string? pageSize)
    {
        var number = 1;
        var size = DefaultPageSize;
        if (!string.IsNullOrEmpty(page) && !int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number))
        {
            return null;
        }

        if (!string.IsNullOrEmpty(pageSize) && !int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size))
        {
            return null;
        }

        return number >= 1 && size is >= 1 and <= MaxPageSize ? (number, size) : null;
    }

    private static bool TryReadStatus(string? status, out ConversationStatus? wanted)
    {
        wanted = status?.ToLowerInvariant() switch
        {
            "open" => ConversationStatus.Open,
            "resolved" => ConversationStatus.Resolved,
            "pending" => ConversationStatus.Pending,
            "snoozed" => ConversationStatus.Snoozed,
            _ => null,
        };
        return wanted is not null || string.IsNullOrEmpty(status);
    }

    private static ApiError PagingError(string? page)
    {
        var pageOk = string.IsNullOrEmpty(page)
            || (int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1);
        return new ApiError(pageOk
            ? $"pageSize must be a whole number from 1 to {MaxPageSize}."
            : "page must be a whole number of 1 or more.");
    }
}
