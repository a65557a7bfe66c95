using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Conversations;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>Read-only views of conversations and their messages, a page at a time.</summary>
public sealed class ConversationQueries(IDbContextFactory<InboxDbContext> dbFactory)
{
    /// <summary>Conversations, most recent activity first, optionally of one channel and/or one status.</summary>
    public async Task<Page<ConversationSummary>> ListConversationsAsync(
        string? channelId,
        ConversationStatus? status,
        int page,
        int pageSize,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Conversations.AsNoTracking();
        if (!string.IsNullOrEmpty(channelId))
        {
            query = query.Where(c => c.ChannelId == channelId);
        }

        if (status is { } wanted)
        {
            query = query.Where(c => c.Status == wanted);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(c => c.LastMessageAt)
            .ThenByDescending(c => c.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(c => new ConversationSummary(
                c.Id,
                c.ChannelId,
                c.Contact!.WaId,
                c.Contact.ProfileName,
                c.Status,
                c.LastMessageAt,
                c.LastMessagePreview,
                c.UnreadCount,
                c.LastInboundAt))
            .ToListAsync(cancellationToken);
        return new Page<ConversationSummary>(items, page, pageSize, total);
    }

    /// <summary>A conversation's messages, oldest first, with their current reactions; null when the conversation does not exist.</summary>
    public async Task<Page<MessageSummary>?> ListMessagesAsync(long conversationId, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Conversations.AnyAsync(c => c.Id == conversationId, cancellationToken))
        {
            return null;
        }

        var query = db.Messages.AsNoTracking().Where(m => m.ConversationId == conversationId);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderBy(m => m.Timestamp)
            .ThenBy(m => m.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(m => new
            {
                m.Id,
                m.WaMessageId,
                m.Type,
                m.Direction,
                m.Text,
                m.MediaState,
                m.Status,
                m.Timestamp,
                m.ReplyToWaMessageId,
                m.ReplyId,
                m.IsPrivate,
                m.AuthorName,
            })
            .ToListAsync(cancellationToken);

        var wamids = rows.Where(r => r.WaMessageId is not null).Select(r => r.WaMessageId!).ToList();
        var reactions = wamids.Count == 0
            ? []
            : await db.Reactions.AsNoTracking()
                .Where(r => wamids.Contains(r.TargetWaMessageId))
                .OrderBy(r => r.ReactedAt)
                .ThenBy(r => r.Id)
                .Select(r => new { r.TargetWaMessageId, r.Emoji, r.ReactorId })
                .ToListAsync(cancellationToken);
        var byTarget = reactions.ToLookup(r => r.TargetWaMessageId, r => new MessageReaction(r.Emoji, r.ReactorId));

        var items = rows.Select(r => new MessageSummary(
                r.Id,
                r.WaMessageId,
                r.Type,
                r.Direction,
                r.Text,
                r.MediaState,
                r.Status,
                r.Timestamp,
                r.ReplyToWaMessageId,
                r.WaMessageId is null ? [] : byTarget[r.WaMessageId].ToList(),
                r.ReplyId,
                r.IsPrivate,
                r.AuthorName))
            .ToList();
        return new Page<MessageSummary>(items, page, pageSize, total);
    }
}
