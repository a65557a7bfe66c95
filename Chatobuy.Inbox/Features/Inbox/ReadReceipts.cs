using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Channels;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>Sends Meta's read receipt for the customer's latest message, as the channel's policy says.</summary>
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

    /// <summary>True when a receipt was sent and Meta accepted it.</summary>
    private async Task<bool> SendIfPolicyAsync(long conversationId, ReadReceiptPolicy moment, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await (
                from conversation in db.Conversations
                join channel in db.Channels on conversation.ChannelId equals channel.Id
                where conversation.Id == conversationId && channel.ReadReceipts == moment
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

        var result = await graph.MarkReadAsync(secrets.ConnectionOf(target.Channel), target.Channel.PhoneNumberId, target.LastInbound, showTyping: false, cancellationToken);
        if (!result.Succeeded)
        {
            logger.LogWarning("Read receipt for conversation {ConversationId} refused: {Code}", conversationId, result.Error!.Code);
        }

        return result.Succeeded;
    }
}
