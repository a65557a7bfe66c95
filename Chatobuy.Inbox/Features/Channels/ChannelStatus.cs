namespace Chatobuy.Inbox.Features.Channels;

public enum ChannelStatus
{
    Connected,
    Disconnected,
}
