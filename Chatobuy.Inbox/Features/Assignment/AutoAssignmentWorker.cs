using System.Collections.Concurrent;
using Chatobuy.Inbox.Events;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Features.Assignment;

/// <summary>
/// Runs <see cref="AutoAssigner"/> off the webhook's hot path. It hears the committed events of this instance: a
/// delivery that stored messages (<see cref="ConversationChanged"/>), a resolve or an assignment (an agent may have
/// room again) and a channel's edit mark the channel for round robin, and wake the loop, which works through the marked
/// channels one at a time (a burst of deliveries makes one pass, not one per message); an agent's reply
/// (<see cref="AgentReplied"/>) is handed to first-replier assignment, in the order replies were committed. At start-up,
/// and every <see cref="AssignmentOptions.RecheckSeconds"/>, every round-robin channel is looked at (agents coming
/// online, conversations that waited through a stop).
/// </summary>
public sealed partial class AutoAssignmentWorker(
    AutoAssigner assigner,
    InboxEvents events,
    WakeSignal<AutoAssignmentWorker> signal,
    IOptions<AssignmentOptions> options,
    TimeProvider time,
    ILogger<AutoAssignmentWorker> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, bool> _marked = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Subscribed before the first pass, so what arrives meanwhile is taken by one or the other.
        using var changes = events.Subscribe<ConversationChanged>(c => Mark(c.ChannelId), ownInstanceOnly: true, filter: c => c.Created.Count > 0);
        using var resolves = events.Subscribe<ConversationResolved>(c => Mark(c.ChannelId), ownInstanceOnly: true);
        using var assignments = events.Subscribe<ConversationAssigned>(c => Mark(c.ChannelId), ownInstanceOnly: true);
        using var edits = events.Subscribe<ChannelUpdated>(c => Mark(c.ChannelId), ownInstanceOnly: true, filter: c => c.ConfigurationChanged);
        using var replies = events.Subscribe<AgentReplied>(r => FirstReplierAsync(r, stoppingToken), ownInstanceOnly: true);

        var interval = TimeSpan.FromSeconds(options.Value.RecheckSeconds);
        var everything = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (everything)
                {
                    foreach (var channelId in await assigner.RoundRobinChannelsAsync(stoppingToken))
                    {
                        _marked.TryAdd(channelId, true);
                    }
                }

                foreach (var channelId in _marked.Keys)
                {
                    _marked.TryRemove(channelId, out _);
                    await assigner.AssignWaitingAsync(channelId, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogPassFailed(exception);
            }

            if (!_marked.IsEmpty)
            {
                everything = false;
                continue;
            }

            var before = time.GetTimestamp();
            await signal.WaitAsync(interval, time, stoppingToken);
            everything = time.GetElapsedTime(before) >= interval;
        }
    }

    private Task Mark(string channelId)
    {
        _marked.TryAdd(channelId, true);
        signal.Notify();
        return Task.CompletedTask;
    }

    private async Task FirstReplierAsync(AgentReplied reply, CancellationToken stoppingToken)
    {
        try
        {
            await assigner.AssignFirstReplierAsync(reply, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception exception)
        {
            LogFirstReplierFailed(exception, reply.ConversationId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A round-robin pass failed; it is tried again at the next event or recheck")]
    private partial void LogPassFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The first agent who replied could not be made the assignee of conversation {ConversationId}")]
    private partial void LogFirstReplierFailed(Exception exception, long conversationId);
}
