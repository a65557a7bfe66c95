using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Channels;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Webhooks;

/// <summary>Refused deliveries of one channel not saved yet: how many, and when the last one came.</summary>
public readonly record struct RefusalTally(int Count, DateTimeOffset LastAt);

/// <summary>
/// Counts refused webhook signatures per channel in memory, so that a refused POST touches no database (a flood of
/// forged deliveries must not slow genuine ones down). <see cref="SignatureRefusalWriter"/> adds the counts to the
/// channel rows every few seconds; pages show stored plus <see cref="Pending"/>, so the count is current at once.
/// </summary>
public sealed class SignatureRefusals
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, RefusalTally> _pending = new(StringComparer.Ordinal);

    public void Record(IEnumerable<string> channelIds, DateTimeOffset at)
    {
        lock (_lock)
        {
            foreach (var id in channelIds)
            {
                var tally = _pending.GetValueOrDefault(id);
                _pending[id] = new RefusalTally(tally.Count + 1, tally.Count == 0 || at > tally.LastAt ? at : tally.LastAt);
            }
        }
    }

    /// <summary>Refusals of the channel counted but not saved yet (zero and null when none).</summary>
    public (int Count, DateTimeOffset? LastAt) Pending(string channelId)
    {
        lock (_lock)
        {
            return _pending.TryGetValue(channelId, out var tally) ? (tally.Count, tally.LastAt) : (0, null);
        }
    }

    /// <summary>What is waiting to be saved; it stays counted here until <see cref="Saved"/> takes it off.</summary>
    internal Dictionary<string, RefusalTally> Snapshot()
    {
        lock (_lock)
        {
            return new Dictionary<string, RefusalTally>(_pending, StringComparer.Ordinal);
        }
    }

    /// <summary>Takes off what was saved; refusals counted meanwhile stay for the next save.</summary>
    internal void Saved(IReadOnlyDictionary<string, RefusalTally> saved)
    {
        lock (_lock)
        {
            foreach (var (id, tally) in saved)
            {
                if (_pending.TryGetValue(id, out var current))
                {
                    var left = current.Count - tally.Count;
                    if (left <= 0)
                    {
                        _pending.Remove(id);
                    }
                    else
                    {
                        _pending[id] = current with { Count = left };
                    }
                }
            }
        }
    }
}

/// <summary>Saves the refusal counts of <see cref="SignatureRefusals"/> onto the channels every few seconds, and once more on shutdown.</summary>
public sealed partial class SignatureRefusalWriter(
    SignatureRefusals refusals,
    IDbContextFactory<InboxDbContext> dbFactory,
    InboxEvents events,
    TimeProvider time,
    ILogger<SignatureRefusalWriter> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>The longest a save waits for a locked database before it tries again next time.</summary>
    private const int CommandTimeoutSeconds = 5;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await SaveAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SaveAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: StopAsync saves what is left.
        }
    }

    /// <summary>Adds the pending counts to the channel rows in one transaction; on failure they stay pending.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        var pending = refusals.Snapshot();
        if (pending.Count == 0)
        {
            return;
        }

        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.Database.SetBusyTimeout(TimeSpan.FromSeconds(CommandTimeoutSeconds));
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var (id, tally) in pending)
            {
                await db.Channels.Where(c => c.Id == id).ExecuteUpdateAsync(
                    s => s.SetProperty(c => c.RefusedSignatureCount, c => c.RefusedSignatureCount + tally.Count)
                        .SetProperty(c => c.LastRefusedSignatureAt, tally.LastAt),
                    cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogSaveFailed(logger, exception);
            return;
        }

        refusals.Saved(pending);
        foreach (var id in pending.Keys)
        {
            events.Publish(new ChannelUpdated(id));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not save refused-signature counts; they stay counted in memory and are saved next time")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception);
}
