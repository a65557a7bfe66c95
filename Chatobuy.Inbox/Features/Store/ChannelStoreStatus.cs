using Chatobuy.Inbox.Data;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Store;

/// <summary>Reads a channel's store row (last synchronization, its error) for the Products tab and the channel page.</summary>
public sealed class ChannelStoreStatus(IDbContextFactory<InboxDbContext> dbFactory)
{
    /// <summary>The channel's store row; null before its first synchronization.</summary>
    public async Task<ChannelStore?> GetAsync(string channelId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ChannelStore>().AsNoTracking().FirstOrDefaultAsync(s => s.ChannelId == channelId, cancellationToken);
    }
}
