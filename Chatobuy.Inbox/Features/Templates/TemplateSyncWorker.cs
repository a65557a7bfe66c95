using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Channels;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Features.Templates;

/// <summary>
/// Syncs templates on a schedule (<c>Templates:SyncIntervalMinutes</c>, every account once through one of its
/// channels) and right after a channel is connected or changed. A failed sync is logged and tried again next time.
/// </summary>
public sealed partial class TemplateSyncWorker(
    IServiceScopeFactory scopes,
    ChannelDirectory directory,
    InboxEvents events,
    IOptions<TemplatesOptions> options,
    TimeProvider time,
    ILogger<TemplateSyncWorker> logger) : BackgroundService
{
    private IDisposable? _configurationChanges;

    private readonly System.Threading.Channels.Channel<string> _requested = System.Threading.Channels.Channel.CreateUnbounded<string>(new System.Threading.Channels.UnboundedChannelOptions { SingleReader = true });

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _configurationChanges = events.Subscribe<ChannelUpdated>(OnChannelUpdated, ownInstanceOnly: true);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _configurationChanges?.Dispose();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(options.Value.SyncIntervalMinutes);
        var schedule = RunScheduleAsync(interval, stoppingToken);
        try
        {
            while (await _requested.Reader.WaitToReadAsync(stoppingToken))
            {
                while (_requested.Reader.TryRead(out var channelId))
                {
                    await SyncAsync(channelId, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        await schedule;
    }

    private async Task RunScheduleAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var channels = await directory.AllAsync(stoppingToken);
                foreach (var account in channels.Where(c => c.Status == ChannelStatus.Connected).GroupBy(c => c.WabaId))
                {
                    _requested.Writer.TryWrite(account.First().Id);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private Task OnChannelUpdated(ChannelUpdated change)
    {
        if (change.ConfigurationChanged)
        {
            _requested.Writer.TryWrite(change.ChannelId);
        }

        return Task.CompletedTask;
    }

    private async Task SyncAsync(string channelId, CancellationToken cancellationToken)
    {
        try
        {
            var channels = await directory.AllAsync(cancellationToken);
            await using var scope = scopes.CreateAsyncScope();
            var sync = scope.ServiceProvider.GetRequiredService<TemplateSync>();
            if (channels.FirstOrDefault(c => c.Id == channelId) is not { } channel)
            {
                // Deleted: the templates of an account no channel serves any more go with it.
                await sync.ForgetUnservedAccountsAsync(cancellationToken);
                return;
            }

            await sync.SyncAsync(channel, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A scheduled template sync failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
