using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Templates;
using Microsoft.AspNetCore.SignalR;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>
/// Sends this instance's <see cref="InboxEvents"/> to the hub's groups, with the message names and payloads of
/// <see cref="IInboxClient"/>. Events of other instances reach their hub clients through the SignalR Redis backplane.
/// </summary>
public sealed class InboxHubForwarder(InboxEvents events, IHubContext<InboxHub, IInboxClient> hub, ChannelDirectory directory) : IHostedService
{
    private readonly List<IDisposable> _subscriptions = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscriptions.Add(events.Subscribe<MessageCreated>(e => Groups(e.ChannelId, e.ConversationId).MessageCreated(new InboxMessageEvent(e.ChannelId, e.ConversationId, e.MessageId)), ownInstanceOnly: true));
        _subscriptions.Add(events.Subscribe<MessageUpdated>(e => Groups(e.ChannelId, e.ConversationId).MessageUpdated(new InboxMessageEvent(e.ChannelId, e.ConversationId, e.MessageId)), ownInstanceOnly: true));
        _subscriptions.Add(events.Subscribe<ConversationUpdated>(e => Groups(e.ChannelId, e.ConversationId).ConversationUpdated(new InboxConversationEvent(e.ChannelId, e.ConversationId)), ownInstanceOnly: true));
        _subscriptions.Add(events.Subscribe<PresenceEvent>(e => Groups(e.ChannelId, e.ConversationId).Presence(e), ownInstanceOnly: true));
        _subscriptions.Add(events.Subscribe<TemplateEvent>(TemplateUpdatedAsync, ownInstanceOnly: true));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscriptions.ForEach(s => s.Dispose());
        return Task.CompletedTask;
    }

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
