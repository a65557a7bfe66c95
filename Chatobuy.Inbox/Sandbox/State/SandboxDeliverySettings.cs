namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>The app-level webhook callback (null for none) and the delivery switches of the Sandbox page.</summary>
public sealed record SandboxDeliverySettings(string? AppCallbackUrl, int BatchSize, bool DuplicateDelivery, bool OutOfOrder);
