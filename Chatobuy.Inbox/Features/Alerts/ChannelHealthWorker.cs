using System.Threading.Channels;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Webhooks;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Features.Alerts;

/// <summary>
/// Runs <see cref="ChannelHealth"/>: the scheduled check of every channel (<see cref="AlertOptions.CheckIntervalMinutes"/>,
/// on the injected clock), Meta's health webhooks once committed, and the first signed webhook of a channel that was
/// disconnected for silence.
/// </summary>
public sealed partial class ChannelHealthWorker(
    ChannelHealth health,
    InboxEvents events,
    IOptions<AlertOptions> options,
    TimeProvider time,
    ILogger<ChannelHealthWorker> logger) : BackgroundService
{
    private static readonly HashSet<string> HealthFields = ["account_update", "phone_number_quality_update", "message_template_status_update"];

    private readonly Channel<Func<CancellationToken, Task>> _pending =
        Channel.CreateUnbounded<Func<CancellationToken, Task>>(new UnboundedChannelOptions { SingleReader = true });

    private readonly List<IDisposable> _subscriptions = [];

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await health.LoadSilencedAsync(cancellationToken);

        // Subscribed before the first delivery can be committed.
        _subscriptions.Add(events.Subscribe<StoredChannelEvent>(
            stored =>
            {
                if (stored.ChannelId is { } channelId && health.IsSilenced(channelId))
                {
                    _pending.Writer.TryWrite(ct => health.SignedEventArrivedAsync(channelId, ct));
                }

                if (HealthFields.Contains(stored.Field))
                {
                    _pending.Writer.TryWrite(ct => health.HandleEventAsync(stored, ct));
                }

                return Task.CompletedTask;
            },
            ownInstanceOnly: true));
        _subscriptions.Add(events.Subscribe<ConversationChanged>(
            change =>
            {
                _pending.Writer.TryWrite(ct => health.SignedEventArrivedAsync(change.ChannelId, ct));
                return Task.CompletedTask;
            },
            ownInstanceOnly: true,
            filter: change => health.IsSilenced(change.ChannelId)));
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        await base.StopAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(HandleEventsAsync(stoppingToken), CheckOnScheduleAsync(stoppingToken));

    private async Task HandleEventsAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                while (_pending.Reader.TryRead(out var work))
                {
                    try
                    {
                        await work(stoppingToken);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        LogEventFailed(exception);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task CheckOnScheduleAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(options.Value.CheckIntervalMinutes);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(interval, time, stoppingToken);
                await health.CheckAllAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A channel health event could not be handled; the next scheduled check catches up")]
    private partial void LogEventFailed(Exception exception);
}
