using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatobuy.Inbox.Features.QuickReplies;

/// <summary>
/// <c>GET /api/v1/quick-replies[?userId=…]</c>: the shared quick replies, by shortcut; with <c>userId</c>, that agent's
/// personal ones too (as their composer offers them).
/// </summary>
public static class QuickRepliesApi
{
    public static RouteGroupBuilder MapQuickRepliesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/quick-replies", ListAsync).WithTags("Quick replies");
        return api;
    }

    private static async Task<Ok<List<QuickReplyDto>>> ListAsync(string? userId, QuickReplyLibrary library, CancellationToken cancellationToken)
    {
        var replies = await library.ListAsync(string.IsNullOrWhiteSpace(userId) ? null : userId, cancellationToken);
        return TypedResults.Ok(replies.Select(QuickReplyDto.From).ToList());
    }
}
