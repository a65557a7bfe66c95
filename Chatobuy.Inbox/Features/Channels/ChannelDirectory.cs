using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Channels;

/// <summary>
/// All channels, kept in memory for the webhook hot path. Reloaded when a channel is connected, edited or deleted
/// (here at once, on other instances when their <see cref="ChannelUpdated"/> arrives), and at least every 30 seconds.
/// </summary>
public sealed class ChannelDirectory : IDisposable
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly IDbContextFactory<InboxDbContext> _dbFactory;
    private readonly IDisposable _configurationChanges;
    private readonly TimeProvider _time;
    private volatile Snapshot? _snapshot;

    public ChannelDirectory(IDbContextFactory<InboxDbContext> dbFactory, InboxEvents events, TimeProvider time)
    {
        _dbFactory = dbFactory;
        _time = time;
        _configurationChanges = events.Subscribe<ChannelUpdated>(change =>
        {
            if (change.ConfigurationChanged)
            {
                Invalidate(change.ChannelId);
            }

            return Task.CompletedTask;
        });
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

    public void Dispose() => _configurationChanges.Dispose();

    private sealed record Snapshot(IReadOnlyList<Channel> Channels, DateTimeOffset LoadedAt);
}
