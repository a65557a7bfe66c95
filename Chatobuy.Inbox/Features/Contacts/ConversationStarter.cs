using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Outbound;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Contacts;

/// <summary>
/// Starts (or continues) a conversation from the business side: picks the channel (the default one unless told),
/// opens the contact's conversation on it, and queues the template through the outbound pipeline.
/// </summary>
public sealed class ConversationStarter(
    IDbContextFactory<InboxDbContext> dbFactory,
    ContactService contacts,
    OutboundService outbound)
{
    public const string NoChannel = "No WhatsApp channel is connected yet.";

    /// <summary>The channel to send from: the one asked for, else the default channel, else the first connected.</summary>
    public async Task<string?> ResolveChannelAsync(string? channelId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(channelId))
        {
            return await db.Channels.AsNoTracking().Where(c => c.Id == channelId).Select(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        }

        return await db.Channels.AsNoTracking()
            .OrderByDescending(c => c.IsDefault)
            .ThenBy(c => c.Title)
            .Select(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Opens the contact's conversation on <paramref name="channelId"/> and queues <paramref name="template"/> in it.</summary>
    public async Task<StartResult> StartAsync(
        long contactId,
        string channelId,
        OutboundTemplate template,
        string clientMessageId,
        string? userId,
        CancellationToken cancellationToken = default)
    {
        if (await contacts.OpenConversationAsync(contactId, channelId, cancellationToken) is not { } conversationId)
        {
            return new StartResult(null, null, "That contact or channel no longer exists.");
        }

        var sent = await outbound.SendAsync(
            new SendRequest(conversationId, clientMessageId, null, SentByUserId: userId, Template: template),
            cancellationToken);
        return sent.Succeeded
            ? new StartResult(conversationId, sent.MessageId, null)
            : new StartResult(conversationId, null, sent.Error);
    }
}
