using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Features.Conversations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Outbound;

/// <summary>
/// <c>POST /api/v1/conversations/{id}/messages</c> queues a message (202) and
/// <c>GET /api/v1/messages/{id}</c> tells how it is going.
/// </summary>
public static class OutboundApi
{
    public static RouteGroupBuilder MapOutboundApi(this RouteGroupBuilder api)
    {
        api.MapPost("/conversations/{id:long}/messages", SendAsync).WithTags("Messages");
        api.MapGet("/messages/{id:long}", GetAsync).WithTags("Messages");
        return api;
    }

    private static async Task<Results<Accepted<SendAcceptedDto>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> SendAsync(
        long id,
        SendMessageBody? body,
        OutboundService outbound,
        CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return TypedResults.BadRequest(new ApiError("Send a JSON body with \"text\" or \"mediaLink\"."));
        }

        if (body.MediaLink is not null && body.Text is not null)
        {
            return TypedResults.BadRequest(new ApiError("Send either \"text\" or \"mediaLink\" (with its own caption), not both."));
        }

        var link = body.MediaLink is { } m ? new OutboundMediaLink(m.Type ?? "", m.Link ?? "", m.Caption, m.FileName) : null;
        var request = new SendRequest(
            id,
            string.IsNullOrWhiteSpace(body.ClientMessageId) ? Guid.NewGuid().ToString("N") : body.ClientMessageId,
            body.Text,
            ReplyToWaMessageId: body.ReplyTo,
            MediaLink: link);
        var result = await outbound.SendAsync(request, cancellationToken);
        if (result.Error == OutboundService.ConversationNotFound)
        {
            return TypedResults.NotFound(new ApiError(OutboundService.ConversationNotFound));
        }

        if (result.Conflict)
        {
            return TypedResults.Conflict(new ApiError(result.Error!));
        }

        return result.Succeeded
            ? TypedResults.Accepted($"/api/v1/messages/{result.MessageId}", new SendAcceptedDto(result.MessageId!.Value, "pending"))
            : TypedResults.BadRequest(new ApiError(result.Error!));
    }

    private static async Task<Results<Ok<MessageStateDto>, NotFound<ApiError>>> GetAsync(
        long id,
        IDbContextFactory<InboxDbContext> dbFactory,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var message = await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return TypedResults.NotFound(new ApiError(OutboundService.MessageNotFound));
        }

        var outbox = await db.OutboxItems.AsNoTracking()
            .Where(o => o.MessageId == id)
            .OrderByDescending(o => o.Id)
            .Select(o => (OutboxState?)o.State)
            .FirstOrDefaultAsync(cancellationToken);
        var status = message.Status == MessageStatus.Pending && outbox == OutboxState.Unconfirmed
            ? "unconfirmed"
            : message.Status.ToString().ToLowerInvariant();
        return TypedResults.Ok(new MessageStateDto(message.Id, message.WaMessageId, status, message.ErrorCode, message.ErrorTitle, message.Timestamp));
    }
}
