namespace Chatobuy.Inbox.Features.Channels;

public enum ReadReceiptPolicy
{
    /// <summary>Never: customers never see blue ticks from the inbox.</summary>
    Off,

    /// <summary>When an agent opens the conversation.</summary>
    WhenOpened,

    /// <summary>When an agent replies.</summary>
    WhenReplied,
}
