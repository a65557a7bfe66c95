using System.Threading.Channels;
using Chatobuy.Inbox.Data;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Outbound;

/// <summary>
/// Marks outbox rows <see cref="OutboxState.Sending"/> (with <c>SentAt</c>) the moment the pacer lets their requests
/// go: the claims that come in together are written in one transaction, so a number sending a thousand messages a
/// second pays for a few commits a second, not a thousand. Each claim says whether its row was still queued (another
/// pass or instance may have taken it). A claim is written whole even when its sender is being stopped, so a row is
/// never half-claimed.
/// </summary>
public sealed class OutboxClaims(IDbContextFactory<InboxDbContext> dbFactory, TimeProvider time)
{
    private readonly Channel<(long OutboxId, TaskCompletionSource<bool> Claimed)> _pending =
        Channel.CreateUnbounded<(long, TaskCompletionSource<bool>)>(new() { SingleReader = true });

    private int _draining;

    /// <summary>Claims the row; true when it was queued and is now this sender's to send.</summary>
    public Task<bool> ClaimAsync(long outboxId)
    {
        var claimed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending.Writer.TryWrite((outboxId, claimed));
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            _ = Task.Run(DrainAsync);
        }

        return claimed.Task;
    }

    /// <summary>Writes what is waiting, batch after batch, while claims keep coming; then stops until the next one.</summary>
    private async Task DrainAsync()
    {
        var batch = new List<(long OutboxId, TaskCompletionSource<bool> Claimed)>();
        while (true)
        {
            batch.Clear();
            while (_pending.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            if (batch.Count == 0)
            {
                Volatile.Write(ref _draining, 0);

                // A claim written after the last read and before the flag was lowered has no one to write it: take it.
                if (!_pending.Reader.TryPeek(out _) || Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
                {
                    return;
                }

                continue;
            }

            try
            {
                var claimed = await ClaimBatchAsync(batch.Select(b => b.OutboxId).Distinct().ToList());
                foreach (var (outboxId, result) in batch)
                {
                    // The same row asked for twice in one batch is given to the first asker only.
                    result.TrySetResult(claimed.Remove(outboxId));
                }
            }
            catch (Exception exception)
            {
                batch.ForEach(b => b.Claimed.TrySetException(exception));
            }
        }
    }

    private async Task<HashSet<long>> ClaimBatchAsync(List<long> ids)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var queued = await db.OutboxItems.Where(o => ids.Contains(o.Id) && o.State == OutboxState.Queued).Select(o => o.Id).ToListAsync();
        if (queued.Count > 0)
        {
            await db.OutboxItems
                .Where(o => queued.Contains(o.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.State, OutboxState.Sending).SetProperty(o => o.SentAt, now));
        }

        await transaction.CommitAsync();
        return [.. queued];
    }
}
