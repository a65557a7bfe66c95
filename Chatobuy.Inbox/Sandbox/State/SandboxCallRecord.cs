namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>One recorded setup call, for tests and the Sandbox page. Never holds a token.</summary>
public sealed record SandboxCallRecord(DateTimeOffset At, SandboxCallKind Kind, string ObjectId, string? OverrideCallbackUri);
