namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>Why Meta refused a profile change: the code (100 or 131009) and its message or details.</summary>
public sealed record SandboxProfileRefusal(int Code, string Message);
