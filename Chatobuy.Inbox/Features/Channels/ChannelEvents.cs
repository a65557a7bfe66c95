namespace Chatobuy.Inbox.Features.Channels;

/// <summary>Tells open pages and caches in this process that a channel changed.</summary>
public sealed class ChannelEvents
{
    /// <summary>Anything about the channel changed: settings, checklist, counters.</summary>
    public event Action<string>? ChannelChanged;

    /// <summary>The channel was connected, edited, made default or deleted.</summary>
    public event Action<string>? ConfigurationChanged;

    public void Publish(string channelId) => ChannelChanged?.Invoke(channelId);

    public void PublishConfigurationChanged(string channelId)
    {
        ConfigurationChanged?.Invoke(channelId);
        ChannelChanged?.Invoke(channelId);
    }
}
