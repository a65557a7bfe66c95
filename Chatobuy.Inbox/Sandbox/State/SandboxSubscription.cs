namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>The Sandbox app subscribed to a WABA, optionally with an alternate callback.</summary>
public sealed record SandboxSubscription(DateTimeOffset SubscribedAt, SandboxWebhookOverride? Override);
