namespace Chatobuy.Inbox.Sandbox.Delivery;

/// <summary>Where a webhook delivery (or an update waiting for one) stands.</summary>
public enum SandboxDeliveryState
{
    Queued,
    Sending,
    Retrying,
    Delivered,
    Failed,

    /// <summary>Meta would send nothing: the app is not subscribed to the WABA, or there is no callback URL.</summary>
    NotSent,
}
