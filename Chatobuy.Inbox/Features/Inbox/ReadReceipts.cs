using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>
/// Sends Meta's read receipt for the customer's latest message, as the channel's policy says. A refused or failed
/// receipt must not disturb the agent: it is logged and answered false.
/// </summary>
public sealed class ReadReceipts(
    IDbContextFactory<InboxDbContext> dbFactory,
    ChannelSecrets secrets,
    GraphClient graph,
    ILogger<ReadReceipts> logger)
{
    public Task<bool> ConversationOpenedAsync(long conversationId, CancellationToken cancellationToken = default) =>
        SendIfPolicyAsync(conversationId, ReadReceiptPolicy.WhenOpened, cancellationToken);

    public Task<bool> AgentRepliedAsync(long conversationId, CancellationToken cancellationToken = default) =>
        SendIfPolicyAsync(conversationId, ReadReceiptPolicy.WhenReplied, cancellationToken);

    /// <summary>
    /// Shows the customer Meta's typing indicator (reference §3.6: up to 25 seconds, or until the reply arrives).
    /// Meta only shows it together with a read receipt for the customer's latest message, so it is sent only when the
    /// channel sends read receipts at all (not when they are off); with "when an agent replies", starting to type a
    /// reply counts as replying.
    /// </summary>
    public Task<bool> AgentTypingAsync(long conversationId, CancellationToken cancellationToken = default) =>
        SendIfPolicyAsync(conversationId, null, cancellationToken);

    /// <summary>
    /// True when a receipt was sent and Meta accepted it. <paramref name="moment"/> null: the typing indicator, for
    /// any policy but <see cref="ReadReceiptPolicy.Off"/>.
    /// </summary>
    private async Task<bool> SendIfPolicyAsync(long conversationId, ReadReceiptPolicy? moment, CancellationToken cancellationToken)
    {
        try
        {
            return await TrySendAsync(conversationId, moment, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Read receipt for conversation {ConversationId} could not be sent", conversationId);
            return false;
        }
    }

    private async Task<bool> TrySendAsync(long conversationId, ReadReceiptPolicy? moment, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await (
                from conversation in db.Conversations
                join channel in db.Channels on conversation.ChannelId equals channel.Id
                where conversation.Id == conversationId && (moment == null ? channel.ReadReceipts != ReadReceiptPolicy.Off : channel.ReadReceipts == moment)
                select new
                {
                    Channel = channel,
                    LastInbound = db.Messages
                        .Where(m => m.ConversationId == conversationId && m.Direction == MessageDirection.Inbound && m.WaMessageId != null && m.Type != "reaction")
                        .OrderByDescending(m => m.Timestamp).ThenByDescending(m => m.Id)
                        .Select(m => m.WaMessageId)
                        .FirstOrDefault(),
                })
            .FirstOrDefaultAsync(cancellationToken);
        if (target?.LastInbound is null)
        {
            return false;
        }

        var result = await graph.MarkReadAsync(secrets.ConnectionOf(target.Channel), target.Channel.PhoneNumberId, target.LastInbound, showTyping: moment is null, cancellationToken);
        if (!result.Succeeded)
        {
            logger.LogWarning("Read receipt for conversation {ConversationId} refused: {Code}", conversationId, result.Error!.Code);
        }

        return result.Succeeded;
    }
}
