namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>Where a session stands: the bytes received so far, or the handle once complete.</summary>
public sealed record SandboxUploadProgress(string SessionId, long FileOffset, string? Handle);
