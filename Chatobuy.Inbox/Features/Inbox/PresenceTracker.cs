using System.Collections.Concurrent;
using Chatobuy.Inbox.Events;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>
/// Which viewer (an inbox page, or a hub connection) views which conversation, and who is typing; in memory, per
/// instance. Every change is published as a <see cref="PresenceEvent"/> of the conversations concerned.
/// </summary>
public sealed class PresenceTracker(InboxEvents events, TimeProvider time)
{
    private static readonly TimeSpan TypingShownFor = TimeSpan.FromSeconds(6);

    private readonly ConcurrentDictionary<string, Viewer> _viewers = new();

    /// <summary>Records the view, and tells the conversation left (if any) and the one viewed.</summary>
    public void View(string viewerId, string name, string channelId, long conversationId)
    {
        var previous = _viewers.TryGetValue(viewerId, out var old) && old.ConversationId != conversationId ? old : null;
        _viewers[viewerId] = new Viewer(name is "" ? "An agent" : name, channelId, conversationId, null);
        if (previous is not null)
        {
            events.Publish(Of(previous.ChannelId, previous.ConversationId));
        }

        events.Publish(Of(channelId, conversationId));
    }

    public void Leave(string viewerId)
    {
        if (_viewers.TryRemove(viewerId, out var old))
        {
            events.Publish(Of(old.ChannelId, old.ConversationId));
        }
    }

    public void Typing(string viewerId)
    {
        if (_viewers.TryGetValue(viewerId, out var viewer))
        {
            _viewers[viewerId] = viewer with { TypingUntil = time.GetUtcNow() + TypingShownFor };
            events.Publish(Of(viewer.ChannelId, viewer.ConversationId));
        }
    }

    public PresenceEvent Of(string channelId, long conversationId)
    {
        var now = time.GetUtcNow();
        var here = _viewers.Values.Where(v => v.ConversationId == conversationId).ToList();
        return new PresenceEvent(
            channelId,
            conversationId,
            here.Select(v => v.Name).Distinct().Order().ToList(),
            here.Where(v => v.TypingUntil > now).Select(v => v.Name).Distinct().Order().ToList());
    }

    private sealed record Viewer(string Name, string ChannelId, long ConversationId, DateTimeOffset? TypingUntil);
}
