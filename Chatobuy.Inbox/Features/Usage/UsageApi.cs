using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Features.Channels;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatobuy.Inbox.Features.Usage;

/// <summary><c>GET /api/v1/channels/{id}/usage?month=2026-12</c>: a channel's usage in a month (this month by default).</summary>
public static class UsageApi
{
    private const string Tag = "Channels";

    public static RouteGroupBuilder MapUsageApi(this RouteGroupBuilder api)
    {
        api.MapGet("/channels/{id}/usage", GetAsync).WithTags(Tag);
        return api;
    }

    /// <summary>Conversations opened, messages received and sent, the share of the free allowance, and billable messages by category.</summary>
    private static async Task<Results<Ok<UsageDto>, NotFound<ApiError>, BadRequest<ApiError>>> GetAsync(
        string id,
        string? month,
        ChannelService channels,
        UsageQueries usage,
        CancellationToken cancellationToken)
    {
        if (month is not null && !UsageMonth.TryParse(month, out _))
        {
            return TypedResults.BadRequest(new ApiError($"month \"{month}\" is not a month: write it as yyyy-MM, e.g. {usage.CurrentMonth}."));
        }

        if (await channels.GetAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound(new ApiError(ChannelsApi.NotFoundMessage));
        }

        var counted = await usage.MonthAsync(id, month ?? usage.CurrentMonth, cancellationToken);
        return TypedResults.Ok(UsageDto.From(counted, usage.MonthlyAllowance));
    }
}
