using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Channels;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

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
        IDbContextFactory<InboxDbContext> dbFactory,
        IOptions<InboxOptions> inbox,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channels = await db.Channels.AsNoTracking()
            .OrderByDescending(c => c.IsDefault)
            .ThenBy(c => c.CreatedAt)
            .ToListAsync(cancellationToken);
        var baseUrl = PublicBaseUrl(request, inbox.Value);
        return TypedResults.Ok(channels.Select(c => ChannelDto.From(c, baseUrl)).ToList());
    }

    private static async Task<Results<Ok<ChannelDto>, NotFound<ApiError>>> GetAsync(
        string id,
        HttpRequest request,
        IDbContextFactory<InboxDbContext> dbFactory,
        IOptions<InboxOptions> inbox,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return channel is null
            ? TypedResults.NotFound(new ApiError(NotFoundMessage))
            : TypedResults.Ok(ChannelDto.From(channel, PublicBaseUrl(request, inbox.Value)));
    }

    private static string PublicBaseUrl(HttpRequest request, InboxOptions inbox) =>
        string.IsNullOrWhiteSpace(inbox.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : inbox.PublicBaseUrl.TrimEnd('/');
}
