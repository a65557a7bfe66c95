using System.Text.Json;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.CloudApi.Messages;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Interactive;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Outbound;

/// <summary>
/// <c>POST /api/v1/conversations/{id}/messages</c> queues a message (202): a text, a file by link, a saved interactive
/// message or Meta's interactive object; and
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
        InteractiveSending interactiveSending,
        CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return TypedResults.BadRequest(new ApiError("Send a JSON body with \"text\", \"mediaLink\", \"interactiveMessageId\" or \"interactive\"."));
        }

        var given = (body.Text is null ? 0 : 1) + (body.MediaLink is null ? 0 : 1) + (body.InteractiveMessageId is null ? 0 : 1) + (body.Interactive is null ? 0 : 1);
        if (given > 1)
        {
            return TypedResults.BadRequest(new ApiError(
                "Send one of \"text\", \"mediaLink\" (with its own caption), \"interactiveMessageId\" or \"interactive\", not several."));
        }

        OutboundInteractive? interactive = null;
        if (body.InteractiveMessageId is { } savedId)
        {
            var resolved = await interactiveSending.ResolveAsync(id, savedId, agentUserId: null, cancellationToken);
            if (resolved.Error == InteractiveSending.ConversationNotFound)
            {
                return TypedResults.NotFound(new ApiError(OutboundService.ConversationNotFound));
            }

            if (resolved.Interactive is null)
            {
                return TypedResults.BadRequest(new ApiError(resolved.Error!));
            }

            interactive = resolved.Interactive;
        }
        else if (body.Interactive is { } raw)
        {
            if (ReadInteractive(raw) is not { } message)
            {
                return TypedResults.BadRequest(new ApiError(
                    "\"interactive\" must be Meta's interactive object: {\"type\": …, \"body\": {\"text\": …}, \"action\": {…}} with its fields in snake_case."));
            }

            interactive = new OutboundInteractive(message);
        }

        var link = body.MediaLink is { } m ? new OutboundMediaLink(m.Type ?? "", m.Link ?? "", m.Caption, m.FileName) : null;
        var request = new SendRequest(
            id,
            string.IsNullOrWhiteSpace(body.ClientMessageId) ? Guid.NewGuid().ToString("N") : body.ClientMessageId,
            body.Text,
            ReplyToWaMessageId: body.ReplyTo,
            MediaLink: link,
            Interactive: interactive);
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

    /// <summary>Meta's interactive object as an integrator wrote it; null when it is not an object of that shape.</summary>
    private static InteractiveObject? ReadInteractive(JsonElement raw)
    {
        if (raw.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            return raw.Deserialize<InteractiveObject>(GraphJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
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
