using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Features.Channels;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatobuy.Inbox.Features.Templates;

/// <summary><c>GET /api/v1/channels/{id}/templates[?status=APPROVED]</c>: the templates of the channel's account.</summary>
public static class TemplatesApi
{
    public static RouteGroupBuilder MapTemplatesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/channels/{id}/templates", ListAsync).WithTags("Templates");
        return api;
    }

    private static async Task<Results<Ok<List<TemplateDto>>, NotFound<ApiError>>> ListAsync(
        string id,
        string? status,
        TemplateManager templates,
        CancellationToken cancellationToken)
    {
        if (await templates.GetChannelAsync(id, cancellationToken) is not { } channel)
        {
            return TypedResults.NotFound(new ApiError(ChannelsApi.NotFoundMessage));
        }

        var all = await templates.ListAsync(channel.WabaId, cancellationToken);
        return TypedResults.Ok(all
            .Where(t => string.IsNullOrWhiteSpace(status) || string.Equals(t.Status, status.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(TemplateDto.From)
            .ToList());
    }
}
