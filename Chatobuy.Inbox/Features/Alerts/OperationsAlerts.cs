using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Usage;

namespace Chatobuy.Inbox.Features.Alerts;

/// <summary>
/// Turns what other features report about a channel's operation into notices and alert e-mails: the monthly allowance
/// reached (80 % and 100 %) and the forwarding webhook paused after a run of failures. Each event is handled by the
/// instance that raised it, so one e-mail goes out.
/// </summary>
public sealed partial class OperationsAlerts(InboxEvents events, ChannelHealth health, ILogger<OperationsAlerts> logger) : IHostedService
{
    private readonly Lock _gate = new();
    private List<IDisposable> _subscriptions = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var usage = events.Subscribe<UsageThresholdCrossed>(
            crossed => NoticeAsync(crossed.ChannelId, ChannelNoticeKind.UsageAllowance,
                c => AlertTexts.UsageAllowance(c, crossed.Percent, crossed.Messages, crossed.Allowance, UsageMonth.Display(crossed.Month))),
            ownInstanceOnly: true);
        var forwarding = events.Subscribe<ForwardingPaused>(
            paused => NoticeAsync(paused.ChannelId, ChannelNoticeKind.ForwardingPaused,
                c => AlertTexts.ForwardingPaused(c, paused.Url, paused.Failures, paused.Reason)),
            ownInstanceOnly: true);
        lock (_gate)
        {
            _subscriptions.Add(usage);
            _subscriptions.Add(forwarding);
        }

        return Task.CompletedTask;
    }

    /// <summary>Stops listening; safe while the host is still starting (a host stopped during its start).</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        List<IDisposable> subscriptions;
        lock (_gate)
        {
            subscriptions = _subscriptions;
            _subscriptions = [];
        }

        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }

        return Task.CompletedTask;
    }

    private async Task NoticeAsync(string channelId, ChannelNoticeKind kind, Func<Channel, AlertText> text)
    {
        try
        {
            await health.NoticeAsync(channelId, kind, text, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogFailed(exception, channelId, kind);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Kind} notice of channel {ChannelId} could not be stored")]
    private partial void LogFailed(Exception exception, string channelId, ChannelNoticeKind kind);
}
