using Chatobuy.Inbox.Data;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Channels;

/// <summary>
/// All channels, kept in memory for the webhook hot path. Reloaded when a channel is connected, edited or deleted
/// in this process, and at least every 30 seconds (for channels changed by another instance).
/// </summary>
public sealed class ChannelDirectory : IDisposable
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly IDbContextFactory<InboxDbContext> _dbFactory;
    private readonly ChannelEvents _events;
    private readonly TimeProvider _time;
    private volatile Snapshot? _snapshot;

    public ChannelDirectory(IDbContextFactory<InboxDbContext> dbFactory, ChannelEvents events, TimeProvider time)
    {
        _dbFactory = dbFactory;
        _events = events;
        _time = time;
        _events.ConfigurationChanged += Invalidate;
    }

    public async Task<IReadOnlyList<Channel>> AllAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && _time.GetUtcNow() - snapshot.LoadedAt < MaxAge)
        {
            return snapshot.Channels;
        }

        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var loadedAt = _time.GetUtcNow();
        var channels = await db.Channels.AsNoTracking().ToListAsync(cancellationToken);
        _snapshot = new Snapshot(channels, loadedAt);
        return channels;
    }

    public void Invalidate(string channelId) => _snapshot = null;

    public void Dispose() => _events.ConfigurationChanged -= Invalidate;

    private sealed record Snapshot(IReadOnlyList<Channel> Channels, DateTimeOffset LoadedAt);
}
