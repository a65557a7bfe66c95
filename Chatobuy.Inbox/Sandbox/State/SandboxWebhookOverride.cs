namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>Where webhooks go instead of the app's callback, and the token the handshake used.</summary>
public sealed record SandboxWebhookOverride(string CallbackUri, string VerifyToken);
