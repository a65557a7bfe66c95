using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Features.Channels;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatobuy.Inbox.Features.Interactive;

/// <summary><c>GET /api/v1/channels/{id}/interactive-messages[?search=…]</c>: the channel's saved interactive messages, by name.</summary>
public static class InteractiveApi
{
    public static RouteGroupBuilder MapInteractiveApi(this RouteGroupBuilder api)
    {
        api.MapGet("/channels/{id}/interactive-messages", ListAsync).WithTags("Interactive messages");
        return api;
    }

    private static async Task<Results<Ok<List<InteractiveMessageDto>>, NotFound<ApiError>>> ListAsync(
        string id,
        string? search,
        InteractiveLibrary library,
        CancellationToken cancellationToken)
    {
        if (await library.GetChannelAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound(new ApiError(ChannelsApi.NotFoundMessage));
        }

        var messages = await library.ListAsync(id, search, cancellationToken);
        return TypedResults.Ok(messages.Select(InteractiveMessageDto.From).ToList());
    }
}
