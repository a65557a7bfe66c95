using Chatobuy.Inbox.Events;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>
/// Subscribes a page to the conversation events (<see cref="IConversationEvent"/>) of what it shows (the channels it lists,
/// the conversation it has open) with one subscription whose filter drops everything else before it is queued, and
/// coalesces each burst of them into one reload. The reload is told whether one of the coalesced
/// events was about the open conversation, so the chat is read again only then. Disposing ends the subscriptions.
/// </summary>
public sealed class LiveReload : IDisposable
{
    private readonly Func<string, bool> _listsChannel;
    private readonly Func<long?> _openConversationId;
    private readonly Func<Func<Task>, Task> _invokeAsync;
    private readonly Func<bool, Task> _reloadAsync;
    private readonly IDisposable _subscription;
    private int _reloadPending;
    private int _openChanged;

    /// <param name="invokeAsync">The component's <c>InvokeAsync</c>: the reload runs on its renderer.</param>
    /// <param name="reloadAsync">Reloads and renders; true when the open conversation changed.</param>
    public LiveReload(InboxEvents events, Func<string, bool> listsChannel, Func<long?> openConversationId, Func<Func<Task>, Task> invokeAsync, Func<bool, Task> reloadAsync)
    {
        _listsChannel = listsChannel;
        _openConversationId = openConversationId;
        _invokeAsync = invokeAsync;
        _reloadAsync = reloadAsync;
        _subscription = events.Subscribe<IConversationEvent>(e => ChangedAsync(e.ChannelId, e.ConversationId), filter: Shows);
    }

    /// <summary>Whether the page shows the conversation: its channel is listed, or it is the one open.</summary>
    private bool Shows(IConversationEvent change) => change.ConversationId == _openConversationId() || _listsChannel(change.ChannelId);

    /// <summary>Something changed in a conversation: reloads, unless it is not shown or a reload is already on its way.</summary>
    public async Task ChangedAsync(string channelId, long conversationId)
    {
        var open = conversationId == _openConversationId();
        if (!open && !_listsChannel(channelId))
        {
            return;
        }

        if (open)
        {
            Interlocked.Exchange(ref _openChanged, 1);
        }

        if (Interlocked.Exchange(ref _reloadPending, 1) == 1)
        {
            return;
        }

        await _invokeAsync(() =>
        {
            // From here on, a new event asks for a reload of its own: this one may already have read past it.
            Interlocked.Exchange(ref _reloadPending, 0);
            return _reloadAsync(Interlocked.Exchange(ref _openChanged, 0) == 1);
        });
    }

    public void Dispose() => _subscription.Dispose();
}
