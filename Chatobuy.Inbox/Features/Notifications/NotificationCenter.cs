using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Notifications;

/// <summary>Each agent's notifications: stored, listed newest first, counted, marked read; every change is told live.</summary>
public sealed class NotificationCenter(IDbContextFactory<InboxDbContext> dbFactory, InboxEvents events, TimeProvider time)
{
    /// <summary>How many the panel lists.</summary>
    public const int Shown = 30;

    public async Task<IReadOnlyList<NotificationRow>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(Shown)
            .Select(n => new NotificationRow(n.Id, n.Kind, n.Title, n.Text, "/inbox/" + n.ConversationId, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(cancellationToken);
    }

    public async Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);
    }

    /// <summary>Stores the notifications and tells each agent's bells.</summary>
    public async Task AddAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken = default)
    {
        if (notifications.Count == 0)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        foreach (var notification in notifications)
        {
            notification.CreatedAt = time.GetUtcNow();
            notification.Title = Shorten(notification.Title, 200);
            notification.Text = Shorten(notification.Text, 300);
        }

        db.Notifications.AddRange(notifications);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var n in notifications)
        {
            events.Publish(new NotificationAdded(n.UserId, n.Id, n.Title, n.Text, n.Link));
        }
    }

    /// <summary>Marks one of the agent's notifications read (another agent's is left alone).</summary>
    public async Task MarkReadAsync(string userId, long notificationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (await db.Notifications.Where(n => n.Id == notificationId && n.UserId == userId && n.ReadAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken) > 0)
        {
            events.Publish(new NotificationsRead(userId));
        }
    }

    /// <summary>Marks read the agent's notifications about one conversation: they opened it.</summary>
    public async Task MarkConversationReadAsync(string userId, long conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (await db.Notifications.Where(n => n.UserId == userId && n.ConversationId == conversationId && n.ReadAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken) > 0)
        {
            events.Publish(new NotificationsRead(userId));
        }
    }

    public async Task MarkAllReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken) > 0)
        {
            events.Publish(new NotificationsRead(userId));
        }
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
