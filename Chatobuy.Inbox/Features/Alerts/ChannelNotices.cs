using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Alerts;

/// <summary>The notices of a channel for its details page: banners until dismissed, then the history.</summary>
public sealed class ChannelNotices(IDbContextFactory<InboxDbContext> dbFactory, InboxEvents events, TimeProvider time)
{
    /// <summary>The newest first, at most <paramref name="take"/>.</summary>
    public async Task<IReadOnlyList<ChannelNotice>> ListAsync(string channelId, int take = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ChannelNotices.AsNoTracking()
            .Where(n => n.ChannelId == channelId)
            .OrderByDescending(n => n.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Hides the banner; the notice stays in the history.</summary>
    public async Task DismissAsync(long noticeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notice = await db.ChannelNotices.FirstOrDefaultAsync(n => n.Id == noticeId, cancellationToken);
        if (notice is null || notice.DismissedAt is not null)
        {
            return;
        }

        notice.DismissedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new ChannelUpdated(notice.ChannelId));
    }
}
