namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>Where a business message stands, as the business sees it in status webhooks (the ticks).</summary>
public enum SandboxOutboundStatus
{
    Accepted,
    Sent,
    Delivered,
    Read,
    Failed,
}
