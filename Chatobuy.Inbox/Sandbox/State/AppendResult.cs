namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>The session's progress after a chunk, Meta's refusal, or "drop the connection now".</summary>
public sealed record AppendResult(SandboxUploadProgress? Progress, string? Error, bool Interrupt);
