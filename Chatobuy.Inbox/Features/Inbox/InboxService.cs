using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Availability;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Labels;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>What the live inbox shows and does: conversations, their messages, assignment and status.</summary>
public sealed class InboxService(
    IDbContextFactory<InboxDbContext> dbFactory,
    InboxEvents events,
    WakeSignal<SnoozeWaker> snoozeWaker,
    AgentAvailability availability,
    TimeProvider time)
{
    public async Task<IReadOnlyList<ConversationRow>> ListConversationsAsync(InboxFilter filter, string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = filter.Scope switch
        {
            InboxScope.Mine => Filtered(db, filter).Where(c => c.AssigneeUserId == userId),
            InboxScope.Unassigned => Filtered(db, filter).Where(c => c.AssigneeUserId == null),
            _ => Filtered(db, filter),
        };
        var windowStart = time.GetUtcNow() - CustomerServiceWindow.Length;
        query = filter.Sort switch
        {
            InboxSort.Oldest => query.OrderBy(c => c.LastMessageAt).ThenBy(c => c.Id),
            InboxSort.WindowClosing => query
                .OrderBy(c => c.LastInboundAt == null || c.LastInboundAt <= windowStart ? 1 : 0)
                .ThenBy(c => c.LastInboundAt)
                .ThenBy(c => c.Id),
            _ => query.OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id),
        };

        var rows = await query
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
                c.SnoozedUntil,
            })
            .ToListAsync(cancellationToken);
        var labels = await LabelService.OfConversationsAsync(db, rows.Select(r => r.Id).ToList(), cancellationToken);
        return rows.Select(r => new ConversationRow(r.Id, r.ChannelId, r.ChannelTitle ?? "(deleted channel)", r.WaId, r.ProfileName, r.LastMessagePreview,
            r.LastMessageAt, r.LastInboundAt, r.UnreadCount, r.AssigneeUserId, r.AssigneeName, r.Status, r.SnoozedUntil) { Labels = [.. labels[r.Id]] }).ToList();
    }

    /// <summary>How many conversations the Mine, Unassigned and All tabs hold for the filter's status, channel and search.</summary>
    public async Task<InboxCounts> CountAsync(InboxFilter filter, string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var counts = await Filtered(db, filter)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                All = g.Count(),
                Mine = g.Count(c => c.AssigneeUserId == userId),
                Unassigned = g.Count(c => c.AssigneeUserId == null),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return counts is null ? new InboxCounts(0, 0, 0) : new InboxCounts(counts.Mine, counts.Unassigned, counts.All);
    }

    /// <summary>The conversations of the filter's status, channel and label that match its search, whoever they belong to.</summary>
    private static IQueryable<Conversation> Filtered(InboxDbContext db, InboxFilter filter)
    {
        var query = db.Conversations.AsNoTracking().Where(c => c.Status == filter.Status);
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

        return query;
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
            c.LastMessageAt, c.LastInboundAt, c.UnreadCount, c.AssigneeUserId, assignee, c.Status, c.SnoozedUntil) { Labels = [.. labels[c.Id]] };
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

    /// <summary>Assigns the conversation to <paramref name="userId"/> (null: nobody); <paramref name="byUserId"/> is who did it, when an agent did.</summary>
    public async Task<string?> AssignAsync(long conversationId, string? userId, CancellationToken cancellationToken = default, string? byUserId = null)
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
            events.Publish(new ConversationAssigned(channelId, conversationId, userId, byUserId));
        }

        return null;
    }

    /// <summary>
    /// Opens, resolves or marks pending (snoozing goes through <see cref="SnoozeAsync"/>). Reopening a resolved conversation
    /// is refused when the customer already has a newer active one.
    /// </summary>
    public async Task<string?> SetStatusAsync(long conversationId, ConversationStatus status, CancellationToken cancellationToken = default)
    {
        if (status == ConversationStatus.Snoozed)
        {
            return await SnoozeAsync(conversationId, null, cancellationToken);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null)
        {
            return "This conversation no longer exists.";
        }

        if (await NewerActiveAsync(db, conversation, status, cancellationToken))
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

    /// <summary>
    /// Puts the conversation aside until <paramref name="until"/> (null: until the customer writes); it then comes back
    /// open and unread. A time already past is refused.
    /// </summary>
    public async Task<string?> SnoozeAsync(long conversationId, DateTimeOffset? until, CancellationToken cancellationToken = default)
    {
        if (until is { } moment && moment <= time.GetUtcNow())
        {
            return "Pick a time in the future to snooze until.";
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null)
        {
            return "This conversation no longer exists.";
        }

        if (await NewerActiveAsync(db, conversation, ConversationStatus.Snoozed, cancellationToken))
        {
            return "This customer already has an open conversation on this channel; continue there.";
        }

        conversation.Snooze(until);
        await db.SaveChangesAsync(cancellationToken);
        snoozeWaker.Notify();
        await NotifyConversationAsync(db, conversationId, cancellationToken);
        return null;
    }

    /// <summary>Shows the conversation as unread again (it stays so until an agent opens it).</summary>
    public async Task<string?> MarkUnreadAsync(long conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changed = await db.Conversations.Where(c => c.Id == conversationId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UnreadCount, c => c.UnreadCount > 0 ? c.UnreadCount : 1), cancellationToken);
        if (changed == 0)
        {
            return "This conversation no longer exists.";
        }

        await NotifyConversationAsync(db, conversationId, cancellationToken);
        return null;
    }

    /// <summary>Whether making a resolved conversation active again would give the customer two active ones on the channel.</summary>
    private static async Task<bool> NewerActiveAsync(InboxDbContext db, Conversation conversation, ConversationStatus status, CancellationToken cancellationToken) =>
        status != ConversationStatus.Resolved && conversation.Status == ConversationStatus.Resolved
        && await db.Conversations.AnyAsync(
            c => c.ChannelId == conversation.ChannelId && c.ContactId == conversation.ContactId && c.Id != conversation.Id && c.Status != ConversationStatus.Resolved,
            cancellationToken);

    public async Task<IReadOnlyList<AgentOption>> AgentsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var agents = await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new AgentOption(u.Id, u.DisplayName == "" ? u.Email! : u.DisplayName, u.Email ?? "", AvailabilityStatus.Offline))
            .ToListAsync(cancellationToken);
        var shown = await availability.AllAsync(cancellationToken);
        return agents.Select(a => a with { Availability = shown.GetValueOrDefault(a.Id, AvailabilityStatus.Offline) }).ToList();
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
