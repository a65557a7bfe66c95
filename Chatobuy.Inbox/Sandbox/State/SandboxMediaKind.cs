namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>One kind of WhatsApp media and what Meta accepts for it (reference §4.1).</summary>
public sealed record SandboxMediaKind(string Name, IReadOnlyList<string> MimeTypes, long MaxBytes);
