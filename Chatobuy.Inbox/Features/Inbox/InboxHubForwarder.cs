using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Templates;
using Microsoft.AspNetCore.SignalR;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>
/// Sends this instance's <see cref="InboxEvents"/> to the hub's groups, with the message names and payloads of
/// <see cref="IInboxClient"/>. Events of other instances reach their hub clients through the SignalR Redis backplane.
/// A send to a group waits for every client's write; several go out at once (up to <see cref="MaxConcurrentSends"/>),
/// so one event's slow client does not hold up the next event for everyone. Each connection still gets its events in
/// the order they were published: the sends are started in that order and SignalR queues the writes per connection.
/// </summary>
public sealed partial class InboxHubForwarder(
    InboxEvents events,
    IHubContext<InboxHub, IInboxClient> hub,
    ChannelDirectory directory,
    ILogger<InboxHubForwarder> logger) : IHostedService
{
    private const int MaxConcurrentSends = 64;

    private readonly List<IDisposable> _subscriptions = [];
    private readonly SemaphoreSlim _sending = new(MaxConcurrentSends);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscriptions.Add(events.Subscribe<IConversationEvent>(ConversationEventAsync, ownInstanceOnly: true));
        _subscriptions.Add(events.Subscribe<PresenceEvent>(e => ForwardAsync(() => Groups(e.ChannelId, e.ConversationId).Presence(e)), ownInstanceOnly: true));
        _subscriptions.Add(events.Subscribe<TemplateEvent>(TemplateUpdatedAsync, ownInstanceOnly: true));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscriptions.ForEach(s => s.Dispose());
        return Task.CompletedTask;
    }

    /// <summary>
    /// Integrators keep hearing each message: a coalesced <see cref="ConversationChanged"/> goes out as its
    /// <c>MessageCreated</c>s and <c>MessageUpdated</c>s, then one <c>ConversationUpdated</c> when it created something.
    /// </summary>
    private async Task ConversationEventAsync(IConversationEvent change)
    {
        var (channelId, conversationId) = (change.ChannelId, change.ConversationId);
        switch (change)
        {
            case ConversationChanged changed:
                foreach (var id in changed.Created)
                {
                    await ForwardAsync(() => Groups(channelId, conversationId).MessageCreated(new InboxMessageEvent(channelId, conversationId, id)));
                }

                foreach (var id in changed.Updated)
                {
                    await ForwardAsync(() => Groups(channelId, conversationId).MessageUpdated(new InboxMessageEvent(channelId, conversationId, id)));
                }

                if (changed.Created.Count > 0)
                {
                    await ForwardAsync(() => Groups(channelId, conversationId).ConversationUpdated(new InboxConversationEvent(channelId, conversationId)));
                }

                break;
            case MessageCreated created:
                await ForwardAsync(() => Groups(channelId, conversationId).MessageCreated(new InboxMessageEvent(channelId, conversationId, created.MessageId)));
                break;
            case MessageUpdated updated:
                await ForwardAsync(() => Groups(channelId, conversationId).MessageUpdated(new InboxMessageEvent(channelId, conversationId, updated.MessageId)));
                break;
            case ConversationUpdated or ConversationLabelsChanged:
                await ForwardAsync(() => Groups(channelId, conversationId).ConversationUpdated(new InboxConversationEvent(channelId, conversationId)));
                break;
        }
    }

    /// <summary>Starts a send once fewer than <see cref="MaxConcurrentSends"/> are out, without waiting for its clients.</summary>
    private async Task ForwardAsync(Func<Task> send)
    {
        await _sending.WaitAsync();
        _ = SendAsync(send);
    }

    private async Task SendAsync(Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (Exception exception)
        {
            LogSendFailed(exception);
        }
        finally
        {
            _sending.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending an event to hub clients failed")]
    private partial void LogSendFailed(Exception exception);

    private IInboxClient Groups(string channelId, long conversationId) =>
        hub.Clients.Groups(InboxHub.ChannelGroup(channelId), InboxHub.ConversationGroup(conversationId));

    /// <summary>A template belongs to an account: every channel on that account is told.</summary>
    private async Task TemplateUpdatedAsync(TemplateEvent change)
    {
        var channels = await directory.AllAsync(CancellationToken.None);
        var groups = channels.Where(c => c.WabaId == change.WabaId).Select(c => InboxHub.ChannelGroup(c.Id)).ToList();
        if (groups.Count > 0)
        {
            await hub.Clients.Groups(groups).TemplateUpdated(change);
        }
    }
}
