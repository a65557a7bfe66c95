using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Webhooks;

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
