using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Labels;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>What the live inbox shows and does: conversations, their messages, assignment and status.</summary>
public sealed class InboxService(
    IDbContextFactory<InboxDbContext> dbFactory,
    InboxEvents events,
    TimeProvider time)
{
    public async Task<IReadOnlyList<ConversationRow>> ListConversationsAsync(InboxFilter filter, string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Conversations.AsNoTracking().Where(c => c.Status == filter.Status);
        query = filter.Scope switch
        {
            InboxScope.Mine => query.Where(c => c.AssigneeUserId == userId),
            InboxScope.Unassigned => query.Where(c => c.AssigneeUserId == null),
            _ => query,
        };
        if (!string.IsNullOrEmpty(filter.ChannelId))
        {
            query = query.Where(c => c.ChannelId == filter.ChannelId);
        }

        if (filter.LabelId is { } labelId)
        {
            query = query.Where(c => db.Set<ConversationLabel>().Any(l => l.ConversationId == c.Id && l.LabelId == labelId));
        }

        if (filter.Search?.Trim() is { Length: > 0 } search)
        {
            var digits = new string(search.Where(char.IsDigit).ToArray());
            query = query.Where(c =>
                (c.Contact!.ProfileName != null && EF.Functions.Like(c.Contact.ProfileName, $"%{search}%"))
                || (c.Contact!.Name != null && EF.Functions.Like(c.Contact.Name, $"%{search}%"))
                || (digits.Length > 0 && c.Contact!.WaId.Contains(digits))
                || db.Messages.Any(m => m.ConversationId == c.Id && m.Text != null && EF.Functions.Like(m.Text, $"%{search}%")));
        }

        var rows = await query
            .OrderByDescending(c => c.LastMessageAt)
            .Take(200)
            .Select(c => new
            {
                c.Id,
                c.ChannelId,
                ChannelTitle = db.Channels.Where(ch => ch.Id == c.ChannelId).Select(ch => ch.Title).FirstOrDefault(),
                c.Contact!.WaId,
                ProfileName = c.Contact.Name ?? c.Contact.ProfileName,
                c.LastMessagePreview,
                c.LastMessageAt,
                c.LastInboundAt,
                c.UnreadCount,
                c.AssigneeUserId,
                AssigneeName = db.Users.Where(u => u.Id == c.AssigneeUserId).Select(u => u.DisplayName).FirstOrDefault(),
                c.Status,
            })
            .ToListAsync(cancellationToken);
        var labels = await LabelService.OfConversationsAsync(db, rows.Select(r => r.Id).ToList(), cancellationToken);
        return rows.Select(r => new ConversationRow(r.Id, r.ChannelId, r.ChannelTitle ?? "(deleted channel)", r.WaId, r.ProfileName, r.LastMessagePreview,
            r.LastMessageAt, r.LastInboundAt, r.UnreadCount, r.AssigneeUserId, r.AssigneeName, r.Status) { Labels = [.. labels[r.Id]] }).ToList();
    }

    public async Task<ConversationRow?> GetConversationAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var c = await db.Conversations.AsNoTracking().Include(x => x.Contact).FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (c is null)
        {
            return null;
        }

        var channelTitle = await db.Channels.Where(ch => ch.Id == c.ChannelId).Select(ch => ch.Title).FirstOrDefaultAsync(cancellationToken);
        var assignee = c.AssigneeUserId is null ? null : await db.Users.Where(u => u.Id == c.AssigneeUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var labels = await LabelService.OfConversationsAsync(db, [c.Id], cancellationToken);
        return new ConversationRow(c.Id, c.ChannelId, channelTitle ?? "(deleted channel)", c.Contact!.WaId, c.Contact.Name ?? c.Contact.ProfileName, c.LastMessagePreview,
            c.LastMessageAt, c.LastInboundAt, c.UnreadCount, c.AssigneeUserId, assignee, c.Status) { Labels = [.. labels[c.Id]] };
    }

    /// <summary>The latest messages of a conversation, oldest first, with reactions and the messages they reply to.</summary>
    public async Task<ChatMessages> GetMessagesAsync(long conversationId, int take = 300, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var messages = (await db.Messages.AsNoTracking()
                .Where(m => m.ConversationId == conversationId && m.Type != "reaction")
                .OrderByDescending(m => m.Timestamp).ThenByDescending(m => m.Id)
                .Take(take)
                .ToListAsync(cancellationToken))
            .OrderBy(m => m.Timestamp).ThenBy(m => m.Id)
            .ToList();
        var wamids = messages.Select(m => m.WaMessageId).OfType<string>().ToList();
        var reactions = (await db.Reactions.AsNoTracking().Where(r => wamids.Contains(r.TargetWaMessageId)).ToListAsync(cancellationToken))
            .GroupBy(r => r.TargetWaMessageId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Reaction>)g.ToList());
        var byId = messages.Where(m => m.WaMessageId is not null).GroupBy(m => m.WaMessageId!).ToDictionary(g => g.Key, g => g.First());
        return new ChatMessages(messages, reactions, byId);
    }

    /// <summary>An agent opened the conversation: nothing is unread any more. True when something was unread.</summary>
    public async Task<bool> MarkSeenAsync(long conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changed = await db.Conversations.Where(c => c.Id == conversationId && c.UnreadCount > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UnreadCount, 0), cancellationToken);
        if (changed > 0)
        {
            await NotifyConversationAsync(db, conversationId, cancellationToken);
        }

        return changed > 0;
    }

    public async Task<string?> AssignAsync(long conversationId, string? userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (userId is not null && !await db.Users.AnyAsync(u => u.Id == userId && u.IsActive, cancellationToken))
        {
            return "That agent no longer exists or is deactivated.";
        }

        var changed = await db.Conversations.Where(c => c.Id == conversationId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AssigneeUserId, userId), cancellationToken);
        if (changed == 0)
        {
            return "This conversation no longer exists.";
        }

        if (await NotifyConversationAsync(db, conversationId, cancellationToken) is { } channelId)
        {
            events.Publish(new ConversationAssigned(channelId, conversationId, userId));
        }

        return null;
    }

    /// <summary>Resolves or reopens. Reopening is refused when the customer already has a newer open conversation.</summary>
    public async Task<string?> SetStatusAsync(long conversationId, ConversationStatus status, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null)
        {
            return "This conversation no longer exists.";
        }

        if (status == ConversationStatus.Open && conversation.Status != ConversationStatus.Open
            && await db.Conversations.AnyAsync(c => c.ChannelId == conversation.ChannelId && c.ContactId == conversation.ContactId && c.Status == ConversationStatus.Open, cancellationToken))
        {
            return "This customer already has an open conversation on this channel; continue there.";
        }

        var resolving = status == ConversationStatus.Resolved && conversation.Status != ConversationStatus.Resolved;
        conversation.SetStatus(status);

        await db.SaveChangesAsync(cancellationToken);
        await NotifyConversationAsync(db, conversationId, cancellationToken);
        if (resolving)
        {
            events.Publish(new ConversationResolved(conversation.ChannelId, conversationId));
        }

        return null;
    }

    public async Task<IReadOnlyList<AgentOption>> AgentsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new AgentOption(u.Id, u.DisplayName == "" ? u.Email! : u.DisplayName, u.Email ?? ""))
            .ToListAsync(cancellationToken);
    }

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Tells live views the conversation changed; returns its channel (null when it no longer exists).</summary>
    private async Task<string?> NotifyConversationAsync(InboxDbContext db, long conversationId, CancellationToken cancellationToken)
    {
        var channelId = await db.Conversations.Where(c => c.Id == conversationId).Select(c => c.ChannelId).FirstOrDefaultAsync(cancellationToken);
        if (channelId is null)
        {
            return null;
        }

        events.Publish(new ConversationUpdated(channelId, conversationId));
        return channelId;
    }
}
