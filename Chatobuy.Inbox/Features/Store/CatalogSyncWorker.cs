using Chatobuy.Inbox.Features.Channels;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Features.Store;

/// <summary>
/// Synchronizes every connected channel's linked catalog on a schedule (<c>Store:SyncIntervalMinutes</c>, default 60),
/// one channel after another. A failed synchronization is recorded on the channel's store row and tried again next time.
/// </summary>
public sealed partial class CatalogSyncWorker(
    CatalogSync sync,
    ChannelDirectory directory,
    IOptions<StoreOptions> options,
    TimeProvider time,
    ILogger<CatalogSyncWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.SyncIntervalMinutes), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SyncAllAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>One round: every connected channel, one after another.</summary>
    internal async Task SyncAllAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Channel> channels;
        try
        {
            channels = await directory.AllAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogRoundFailed(exception);
            return;
        }

        foreach (var channel in channels.Where(c => c.Status == ChannelStatus.Connected))
        {
            try
            {
                await sync.SyncAsync(channel.Id, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogChannelFailed(channel.Id, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A scheduled catalog synchronization could not list the channels; it runs again at the next interval")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The scheduled catalog synchronization of channel {ChannelId} failed; it runs again at the next interval")]
    private partial void LogChannelFailed(string channelId, Exception exception);
}
