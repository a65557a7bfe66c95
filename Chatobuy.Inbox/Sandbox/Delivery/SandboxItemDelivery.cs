namespace Chatobuy.Inbox.Sandbox.Delivery;

/// <summary>Where the webhook about one wamid stands, for the customer phone's bubbles.</summary>
public sealed record SandboxItemDelivery(SandboxDeliveryState State, int Attempts, string? Note);
