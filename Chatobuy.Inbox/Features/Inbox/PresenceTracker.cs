using System.Collections.Concurrent;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>Which hub connection (agent) views which conversation, and who is typing. In memory, per instance.</summary>
public sealed class PresenceTracker
{
    private static readonly TimeSpan TypingShownFor = TimeSpan.FromSeconds(6);

    private readonly ConcurrentDictionary<string, Viewer> _viewers = new();

    /// <summary>Records the view; returns the presence of the conversation the connection left, if any.</summary>
    public PresenceEvent? View(string connectionId, string name, string channelId, long conversationId, DateTimeOffset now)
    {
        var previous = _viewers.TryGetValue(connectionId, out var old) && old.ConversationId != conversationId ? old : null;
        _viewers[connectionId] = new Viewer(name, channelId, conversationId, null);
        return previous is null ? null : Of(previous.ChannelId, previous.ConversationId, now);
    }

    public PresenceEvent? Leave(string connectionId, DateTimeOffset now) =>
        _viewers.TryRemove(connectionId, out var old) ? Of(old.ChannelId, old.ConversationId, now) : null;

    public PresenceEvent? Typing(string connectionId, DateTimeOffset now)
    {
        if (!_viewers.TryGetValue(connectionId, out var viewer))
        {
            return null;
        }

        _viewers[connectionId] = viewer with { TypingUntil = now + TypingShownFor };
        return Of(viewer.ChannelId, viewer.ConversationId, now);
    }

    public PresenceEvent Of(string channelId, long conversationId, DateTimeOffset now)
    {
        var here = _viewers.Values.Where(v => v.ConversationId == conversationId).ToList();
        return new PresenceEvent(
            channelId,
            conversationId,
            here.Select(v => v.Name).Distinct().Order().ToList(),
            here.Where(v => v.TypingUntil > now).Select(v => v.Name).Distinct().Order().ToList());
    }

    private sealed record Viewer(string Name, string ChannelId, long ConversationId, DateTimeOffset? TypingUntil);
}
