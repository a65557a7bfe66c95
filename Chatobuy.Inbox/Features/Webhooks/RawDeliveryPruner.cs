using Chatobuy.Inbox.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Features.Webhooks;

/// <summary>
/// Prunes the raw-delivery log: bodies older than <see cref="WebhookOptions.RawDeliveryRetentionDays"/> are removed
/// once at start and then every hour. Messages, statuses and the events stored from a delivery are never pruned (a
/// delivery that template, quality or account events point at keeps its row, without its body).
/// </summary>
public sealed partial class RawDeliveryPruner(
    IDbContextFactory<InboxDbContext> dbFactory,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<RawDeliveryPruner> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private static readonly byte[] NoBody = [];

    /// <summary>Rows removed per transaction, so that webhooks never wait long behind the pruner.</summary>
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                try
                {
                    await PruneAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogPruneFailed(logger, exception);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Removes what is past the retention period now; returns how many deliveries were pruned.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(options.Value.RawDeliveryRetentionDays);
        var pruned = 0;
        int batch;
        do
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            batch = await db.WebhookDeliveries
                .Where(d => d.ReceivedAt < cutoff && !db.ChannelEvents.Any(e => e.DeliveryId == d.Id))
                .OrderBy(d => d.Id)
                .Take(BatchSize)
                .ExecuteDeleteAsync(cancellationToken);
            if (batch < BatchSize)
            {
                batch += await db.WebhookDeliveries
                    .Where(d => d.ReceivedAt < cutoff && d.Body != NoBody)
                    .OrderBy(d => d.Id)
                    .Take(BatchSize)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.Body, NoBody), cancellationToken);
            }

            pruned += batch;
        }
        while (batch > 0);

        if (pruned > 0)
        {
            LogPruned(logger, pruned, options.Value.RawDeliveryRetentionDays);
        }

        return pruned;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} raw webhook deliveries older than {Days} days")]
    private static partial void LogPruned(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning the raw webhook deliveries failed; trying again later")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
