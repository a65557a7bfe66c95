using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Availability;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Users;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Assignment;

/// <summary>
/// Gives conversations an assignee by the channel's <see cref="AssignmentMode"/>. Round robin: the channel's waiting
/// conversations (open, unassigned, the customer has written), oldest first, each to the next online agent in turn who
/// is under the channel's limit; the turn (<see cref="AssignmentCursor"/>) and the assignment commit together, and a
/// conversation is only ever taken while it has no assignee, so it is assigned once however often it is looked at.
/// First replier: the agent whose reply is committed first. Both publish what a manual assignment publishes.
/// "The channel's agents" are the active users in the Agent or Admin role: every one of them sees every channel.
/// </summary>
public sealed partial class AutoAssigner(
    IDbContextFactory<InboxDbContext> dbFactory,
    ChannelDirectory channels,
    AgentAvailability availability,
    InboxEvents events,
    ILogger<AutoAssigner> logger)
{
    // A turn lost to another worker is taken again from the fresh cursor; this many times at most per conversation.
    private const int TurnAttempts = 5;

    /// <summary>The channel's assignment mode (and limit), from the channel directory's memory; null when the channel does not exist.</summary>
    public async Task<Channel?> ChannelAsync(string channelId, CancellationToken cancellationToken) =>
        (await channels.AllAsync(cancellationToken)).FirstOrDefault(c => c.Id == channelId);

    /// <summary>The channels whose new conversations go round robin.</summary>
    public async Task<IReadOnlyList<string>> RoundRobinChannelsAsync(CancellationToken cancellationToken) =>
        (await channels.AllAsync(cancellationToken)).Where(c => c.AssignmentMode == AssignmentMode.RoundRobin).Select(c => c.Id).ToList();

    /// <summary>
    /// Round robin on <paramref name="channelId"/>: assigns its waiting conversations, oldest first, while an online agent
    /// has room. Returns how many it assigned (0 when the channel does not assign by round robin).
    /// </summary>
    public async Task<int> AssignWaitingAsync(string channelId, CancellationToken cancellationToken)
    {
        if (await ChannelAsync(channelId, cancellationToken) is not { AssignmentMode: AssignmentMode.RoundRobin } channel)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var agents = RoundRobin.Order(await AgentIdsAsync(db, cancellationToken));
        if (agents.Count == 0)
        {
            return 0;
        }

        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "AssignmentCursors" ("ChannelId", "Turns") VALUES ({channelId}, 0) ON CONFLICT ("ChannelId") DO NOTHING""",
            cancellationToken);

        var assigned = 0;
        var skipped = new HashSet<long>();
        while (true)
        {
            var waiting = await db.Conversations.AsNoTracking()
                .Where(c => c.ChannelId == channelId && c.Status == ConversationStatus.Open && c.AssigneeUserId == null && c.LastInboundAt != null)
                .Where(c => !skipped.Contains(c.Id))
                .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
                .Select(c => (long?)c.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (waiting is not { } conversationId)
            {
                return Done(channelId, assigned);
            }

            switch (await TakeTurnAsync(db, channel, agents, conversationId, cancellationToken))
            {
                case { } agent:
                    assigned++;
                    Published(channelId, conversationId, agent);
                    break;
                case null when await HasAssigneeAsync(db, conversationId, cancellationToken):
                    // Someone else gave it an assignee meanwhile: on to the next.
                    skipped.Add(conversationId);
                    break;
                default:
                    // Nobody online has room: it waits, and so do the newer ones.
                    return Done(channelId, assigned);
            }
        }
    }

    /// <summary>
    /// First replier: when the channel assigns to the first agent who replies and the conversation has no assignee,
    /// the agent who replied becomes it. True when it did.
    /// </summary>
    public async Task<bool> AssignFirstReplierAsync(AgentReplied reply, CancellationToken cancellationToken)
    {
        if (await ChannelAsync(reply.ChannelId, cancellationToken) is not { AssignmentMode: AssignmentMode.FirstReplier })
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!(await AgentIdsAsync(db, cancellationToken)).Contains(reply.UserId))
        {
            return false;
        }

        var taken = await db.Conversations
            .Where(c => c.Id == reply.ConversationId && c.AssigneeUserId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AssigneeUserId, reply.UserId), cancellationToken);
        if (taken == 0)
        {
            return false;
        }

        LogFirstReplier(reply.ConversationId);
        Published(reply.ChannelId, reply.ConversationId, reply.UserId);
        return true;
    }

    /// <summary>
    /// Gives <paramref name="conversationId"/> to the next agent in turn who is online and under the limit, moving the
    /// cursor in the same transaction. Returns the agent, or null when nobody can take it (or it has an assignee now).
    /// </summary>
    private async Task<string?> TakeTurnAsync(InboxDbContext db, Channel channel, IReadOnlyList<string> agents, long conversationId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < TurnAttempts; attempt++)
        {
            // The cursor first, then the load: whatever another worker commits after this read moves the cursor, and the
            // conditional update below then finds the turn taken and reads again.
            var cursor = await db.Set<AssignmentCursor>().AsNoTracking().SingleAsync(c => c.ChannelId == channel.Id, cancellationToken);
            var load = channel.AssignmentLimit is null
                ? new Dictionary<string, int>()
                : await db.Conversations
                    .Where(c => c.ChannelId == channel.Id && c.Status != ConversationStatus.Resolved && c.AssigneeUserId != null)
                    .GroupBy(c => c.AssigneeUserId!)
                    .Select(g => new { UserId = g.Key, Count = g.Count() })
                    .ToDictionaryAsync(g => g.UserId, g => g.Count, cancellationToken);
            var shown = await availability.AllAsync(cancellationToken);
            var agent = RoundRobin.Next(agents, cursor.LastUserId, id =>
                shown.GetValueOrDefault(id) == AvailabilityStatus.Online && (channel.AssignmentLimit is not { } limit || load.GetValueOrDefault(id) < limit));
            if (agent is null)
            {
                return null;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var turned = await db.Set<AssignmentCursor>()
                .Where(c => c.ChannelId == channel.Id && c.Turns == cursor.Turns)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastUserId, agent).SetProperty(c => c.Turns, c => c.Turns + 1), cancellationToken);
            if (turned == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                continue;
            }

            var taken = await db.Conversations
                .Where(c => c.Id == conversationId && c.AssigneeUserId == null && c.Status == ConversationStatus.Open)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.AssigneeUserId, agent), cancellationToken);
            if (taken == 0)
            {
                // Assigned (or closed) by someone else meanwhile: the turn is not spent.
                await transaction.RollbackAsync(cancellationToken);
                return null;
            }

            await transaction.CommitAsync(cancellationToken);
            return agent;
        }

        LogTurnsContended(channel.Id, conversationId);
        return null;
    }

    private static async Task<bool> HasAssigneeAsync(InboxDbContext db, long conversationId, CancellationToken cancellationToken) =>
        !await db.Conversations.AnyAsync(c => c.Id == conversationId && c.AssigneeUserId == null && c.Status == ConversationStatus.Open, cancellationToken);

    /// <summary>The active users in the Agent or Admin role.</summary>
    private static async Task<List<string>> AgentIdsAsync(InboxDbContext db, CancellationToken cancellationToken)
    {
        var roleIds = db.Roles.Where(r => r.Name == Roles.Agent || r.Name == Roles.Admin).Select(r => r.Id);
        return await db.Users.AsNoTracking()
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>What a manual assignment publishes, so open pages, the hub and forwarding follow.</summary>
    private void Published(string channelId, long conversationId, string userId)
    {
        events.Publish(new ConversationUpdated(channelId, conversationId));
        events.Publish(new ConversationAssigned(channelId, conversationId, userId));
    }

    private int Done(string channelId, int assigned)
    {
        if (assigned > 0)
        {
            LogAssigned(assigned, channelId);
        }

        return assigned;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Round robin assigned {Count} conversation(s) on channel {ChannelId}")]
    private partial void LogAssigned(int count, string channelId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {ConversationId} assigned to the first agent who replied")]
    private partial void LogFirstReplier(long conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Round robin on channel {ChannelId} lost its turn for conversation {ConversationId} to other workers several times; it is tried again later")]
    private partial void LogTurnsContended(string channelId, long conversationId);
}
