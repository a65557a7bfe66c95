using Chatobuy.Inbox.Features.Channels;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatobuy.Inbox.Features.Api;

/// <summary><c>GET /api/v1/channels</c> and <c>GET /api/v1/channels/{id}</c>: read-only, secrets never leave.</summary>
public static class ChannelsEndpoints
{
    public const string NotFoundMessage = "Channel not found";

    public static RouteGroupBuilder MapChannelsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/channels", ListAsync);
        api.MapGet("/channels/{id}", GetAsync);
        return api;
    }

    private static async Task<Ok<List<ChannelDto>>> ListAsync(
        HttpRequest request,
        ChannelService channels,
        GraphTargets targets,
        CancellationToken cancellationToken)
    {
        var baseUrl = PublicBaseUrl(request, targets);
        var all = await channels.ListAsync(cancellationToken);
        return TypedResults.Ok(all.Select(c => ChannelDto.From(c, baseUrl)).ToList());
    }

    private static async Task<Results<Ok<ChannelDto>, NotFound<ApiError>>> GetAsync(
        string id,
        HttpRequest request,
        ChannelService channels,
        GraphTargets targets,
        CancellationToken cancellationToken)
    {
        var channel = await channels.GetAsync(id, cancellationToken);
        return channel is null
            ? TypedResults.NotFound(new ApiError(NotFoundMessage))
            : TypedResults.Ok(ChannelDto.From(channel, PublicBaseUrl(request, targets)));
    }

    private static string PublicBaseUrl(HttpRequest request, GraphTargets targets) =>
        targets.PublicBaseUrl($"{request.Scheme}://{request.Host}{request.PathBase}");
}
