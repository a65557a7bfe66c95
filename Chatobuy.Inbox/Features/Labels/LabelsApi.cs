using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Features.Inbox;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatobuy.Inbox.Features.Labels;

/// <summary>
/// Labels in the integration API: <c>GET /api/v1/labels</c> (every label Admins defined), and a conversation's labels with
/// <c>GET /api/v1/conversations/{id}/labels</c> and <c>PUT /api/v1/conversations/{id}/labels</c> (<c>{"labels":["refund"]}</c>
/// replaces the set; a name no label has answers 400 naming it, and nothing changes).
/// </summary>
public static class LabelsApi
{
    public const string Tag = "Labels";

    public static RouteGroupBuilder MapLabelsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/labels", ListAsync).WithTags(Tag);
        api.MapGet("/conversations/{id:long}/labels", GetAsync).WithTags(Tag);
        api.MapPut("/conversations/{id:long}/labels", SetAsync).WithTags(Tag);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<LabelDto>>> ListAsync(LabelService labels, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<LabelDto>>([.. (await labels.ListAsync(cancellationToken)).Select(LabelDto.From)]);

    private static async Task<Results<Ok<IReadOnlyList<LabelDto>>, NotFound<ApiError>>> GetAsync(long id, LabelService labels, CancellationToken cancellationToken) =>
        await labels.OfConversationAsync(id, cancellationToken) is { } found
            ? TypedResults.Ok<IReadOnlyList<LabelDto>>([.. found.Select(LabelDto.From)])
            : TypedResults.NotFound(new ApiError(ConversationsApi.NotFoundMessage));

    private static async Task<Results<Ok<IReadOnlyList<LabelDto>>, NotFound<ApiError>, BadRequest<ApiError>>> SetAsync(
        long id,
        ConversationLabelsBody? body,
        LabelService labels,
        CancellationToken cancellationToken)
    {
        if (body?.Labels is not { } names)
        {
            return TypedResults.BadRequest(new ApiError("Send {\"labels\": [\"refund\", …]} with the names of every label the conversation should have ([] for none)."));
        }

        var result = await labels.SetByNamesAsync(id, names.OfType<string>().ToList(), cancellationToken);
        if (!result.ConversationFound)
        {
            return TypedResults.NotFound(new ApiError(ConversationsApi.NotFoundMessage));
        }

        if (result.UnknownNames.Count > 0)
        {
            var list = string.Join(", ", result.UnknownNames.Select(n => $"\"{n}\""));
            return TypedResults.BadRequest(new ApiError(
                $"No label is called {list}. Admins create labels under Settings → Labels; GET /api/v1/labels lists them. Nothing was changed."));
        }

        return TypedResults.Ok<IReadOnlyList<LabelDto>>([.. result.Labels.Select(LabelDto.From)]);
    }
}
