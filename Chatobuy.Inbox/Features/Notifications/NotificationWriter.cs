using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Conversations;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Notifications;

/// <summary>
/// Turns what happens in the inbox into notifications for the agents concerned: a new conversation (every active
/// agent: all of them see every channel), a customer message in a conversation assigned to an agent, an assignment to
/// an agent by someone else, and a mention in a private note (<see cref="AgentMentioned"/>). Listens in its own instance
/// only, so each event is written once however many instances run.
/// </summary>
public sealed partial class NotificationWriter(
    InboxEvents events,
    IDbContextFactory<InboxDbContext> dbFactory,
    NotificationCenter center,
    ILogger<NotificationWriter> logger) : IHostedService
{
    private readonly List<IDisposable> _subscriptions = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscriptions.Add(events.Subscribe<ConversationChanged>(e => SafelyAsync(() => CustomerWroteAsync(e)), ownInstanceOnly: true, filter: e => e.Created.Count > 0));
        _subscriptions.Add(events.Subscribe<ConversationAssigned>(e => SafelyAsync(() => AssignedAsync(e)), ownInstanceOnly: true, filter: e => e.AssigneeUserId is not null && e.AssigneeUserId != e.ByUserId));
        _subscriptions.Add(events.Subscribe<AgentMentioned>(e => SafelyAsync(() => MentionedAsync(e)), ownInstanceOnly: true, filter: e => e.MentionedUserId != e.ByUserId));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscriptions.ForEach(s => s.Dispose());
        _subscriptions.Clear();
        return Task.CompletedTask;
    }

    /// <summary>Customer messages were stored: a first message tells every agent, a later one the assignee.</summary>
    public async Task CustomerWroteAsync(ConversationChanged change)
    {
        await using var db = await dbFactory.CreateDbContextAsync();

        // One look first, as most customer messages tell nobody: a conversation that is neither new nor assigned.
        var whom = await db.Conversations.AsNoTracking()
            .Where(c => c.Id == change.ConversationId)
            .Select(c => new { c.AssigneeUserId, Older = db.Messages.Any(m => m.ConversationId == c.Id && !change.Created.Contains(m.Id)) })
            .FirstOrDefaultAsync();
        if (whom is null || (whom.Older && whom.AssigneeUserId is null))
        {
            return;
        }

        var about = await AboutAsync(db, change.ConversationId);
        if (about is null)
        {
            return;
        }

        var created = await db.Messages.AsNoTracking()
            .Where(m => change.Created.Contains(m.Id) && m.Direction == MessageDirection.Inbound && m.Type != "reaction")
            .OrderBy(m => m.Timestamp)
            .Select(m => new { m.Id, m.Text, m.Type })
            .ToListAsync();
        if (created.Count == 0)
        {
            return;
        }

        var excerpt = created[^1].Text ?? $"({created[^1].Type})";
        if (!whom.Older)
        {
            var agents = await db.Users.AsNoTracking().Where(u => u.IsActive).Select(u => u.Id).ToListAsync();
            await center.AddAsync(agents.Select(id => New(id, NotificationKind.NewConversation, about,
                $"New conversation on {about.ChannelTitle}", $"{about.ContactName}: {excerpt}")).ToList());
        }
        else if (about.AssigneeUserId is { } assignee)
        {
            await center.AddAsync([New(assignee, NotificationKind.NewMessage, about, $"{about.ContactName} wrote", excerpt)]);
        }
    }

    public async Task AssignedAsync(ConversationAssigned change)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await AboutAsync(db, change.ConversationId) is not { } about)
        {
            return;
        }

        var by = change.ByUserId is null ? null : await db.Users.Where(u => u.Id == change.ByUserId).Select(u => u.DisplayName == "" ? u.Email : u.DisplayName).FirstOrDefaultAsync();
        var title = by is null ? "A conversation was assigned to you" : $"{by} assigned you a conversation";
        await center.AddAsync([New(change.AssigneeUserId!, NotificationKind.Assigned, about, title, $"{about.ContactName} on {about.ChannelTitle}")]);
    }

    public async Task MentionedAsync(AgentMentioned mention)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await AboutAsync(db, mention.ConversationId) is not { } about)
        {
            return;
        }

        await center.AddAsync([New(mention.MentionedUserId, NotificationKind.Mentioned, about, $"{mention.ByName} mentioned you", mention.Excerpt)]);
    }

    private static Notification New(string userId, NotificationKind kind, About about, string title, string text) => new()
    {
        UserId = userId,
        Kind = kind,
        ChannelId = about.ChannelId,
        ConversationId = about.ConversationId,
        Title = title,
        Text = text,
    };

    private static async Task<About?> AboutAsync(InboxDbContext db, long conversationId) =>
        await db.Conversations.AsNoTracking()
            .Where(c => c.Id == conversationId)
            .Select(c => new About(
                c.Id,
                c.ChannelId,
                db.Channels.Where(ch => ch.Id == c.ChannelId).Select(ch => ch.Title).FirstOrDefault() ?? "a deleted channel",
                c.Contact!.ProfileName ?? "+" + c.Contact.WaId,
                c.AssigneeUserId))
            .FirstOrDefaultAsync();

    private async Task SafelyAsync(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception exception)
        {
            LogWriteFailed(logger, exception);
        }
    }

    private sealed record About(long ConversationId, string ChannelId, string ChannelTitle, string ContactName, string? AssigneeUserId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A notification could not be stored")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception);
}
