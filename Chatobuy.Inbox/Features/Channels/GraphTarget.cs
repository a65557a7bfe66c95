namespace Chatobuy.Inbox.Features.Channels;

public enum GraphTarget
{
    Meta,
    Sandbox,
}
