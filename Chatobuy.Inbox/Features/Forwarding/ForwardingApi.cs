using Chatobuy.Inbox.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatobuy.Inbox.Features.Forwarding;

/// <summary>
/// <c>GET /api/v1/channels/{id}/deliveries</c> (the forwarding delivery log, newest first, <c>?failed=true</c> for failed
/// only) and <c>POST /api/v1/channels/{id}/deliveries/{deliveryId}/replay</c> (queues the event again, same event id).
/// </summary>
public static class ForwardingApi
{
    private const string Tag = "Forwarding";

    public static RouteGroupBuilder MapForwardingApi(this RouteGroupBuilder api)
    {
        api.MapGet("/channels/{id}/deliveries", ListAsync).WithTags(Tag);
        api.MapPost("/channels/{id}/deliveries/{deliveryId:long}/replay", ReplayAsync).WithTags(Tag);
        return api;
    }

    /// <summary>The channel's forwarding deliveries, newest first, 50 a page by default (at most 200).</summary>
    private static async Task<Results<Ok<PagedDto<ForwardingDeliveryDto>>, NotFound<ApiError>>> ListAsync(
        string id,
        ForwardingService forwarding,
        CancellationToken cancellationToken,
        bool failed = false,
        int page = 1,
        int pageSize = 50)
    {
        var log = await forwarding.LogAsync(id, failed, page, pageSize, cancellationToken);
        return log is null ? TypedResults.NotFound(new ApiError(ForwardingService.NoChannel)) : TypedResults.Ok(log);
    }

    /// <summary>Queues a copy of the delivery with the same event id; answers the new log line (202: it is sent shortly).</summary>
    private static async Task<Results<Accepted<ForwardingDeliveryDto>, NotFound<ApiError>>> ReplayAsync(
        string id,
        long deliveryId,
        ForwardingService forwarding,
        CancellationToken cancellationToken)
    {
        var result = await forwarding.ReplayAsync(id, deliveryId, cancellationToken);
        return result.Succeeded
            ? TypedResults.Accepted($"/api/v1/channels/{id}/deliveries?page=1", result.Delivery!)
            : TypedResults.NotFound(new ApiError(result.Error!));
    }
}
