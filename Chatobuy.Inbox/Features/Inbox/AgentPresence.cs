using System.Security.Claims;
using Chatobuy.Inbox.Components.Shared;
using Chatobuy.Inbox.Events;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>
/// One inbox tab's side of <see cref="PresenceTracker"/> (scoped: a circuit is a tab): which conversation its agent
/// views, that they are typing, and what the other agents do on the channels the tab lists.
/// </summary>
public sealed class AgentPresence(PresenceTracker tracker, InboxEvents events, People people, TimeProvider time)
{
    // Other agents see "typing" for a few seconds; telling them every three seconds keeps it on.
    private static readonly TimeSpan TypingEvery = TimeSpan.FromSeconds(3);

    private readonly string _viewerId = Guid.NewGuid().ToString("N");
    private string _name = "";
    private DateTimeOffset _lastTyping;

    /// <summary>
    /// Tells <paramref name="changed"/> what other agents do in the conversations of the channels listed, with this
    /// agent left out, until disposed; disposing also takes this agent out of the conversation viewed.
    /// </summary>
    public async Task<IDisposable> WatchAsync(ClaimsPrincipal user, Func<string, bool> listsChannel, Func<PresenceEvent, Task> changed, CancellationToken cancellationToken)
    {
        // Other agents see the name given at Setup, not the e-mail the agent signs in with.
        _name = (await people.OfAsync(user, cancellationToken)).Name;
        var name = _name;
        // The channel filter runs before queueing: presence on channels the tab does not list costs it nothing.
        var subscription = events.Subscribe<PresenceEvent>(e => changed(e with
        {
            Viewers = e.Viewers.Where(v => v != name).ToList(),
            Typing = e.Typing.Where(v => v != name).ToList(),
        }), filter: e => listsChannel(e.ChannelId));
        return new Watch(subscription, () => tracker.Leave(_viewerId));
    }

    public void View(string channelId, long conversationId) => tracker.View(_viewerId, _name, channelId, conversationId);

    /// <summary>The agent typed a key: other agents are told, at most every few seconds.</summary>
    public void Typing()
    {
        if (time.GetUtcNow() - _lastTyping >= TypingEvery)
        {
            _lastTyping = time.GetUtcNow();
            tracker.Typing(_viewerId);
        }
    }

    private sealed class Watch(IDisposable subscription, Action leave) : IDisposable
    {
        public void Dispose()
        {
            subscription.Dispose();
            leave();
        }
    }
}
