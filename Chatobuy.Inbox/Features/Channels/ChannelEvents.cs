namespace Chatobuy.Inbox.Features.Channels;

/// <summary>Tells open pages in this process that a channel changed (created, edited, verified, deleted).</summary>
public sealed class ChannelEvents
{
    public event Action<string>? ChannelChanged;

    public void Publish(string channelId) => ChannelChanged?.Invoke(channelId);
}
