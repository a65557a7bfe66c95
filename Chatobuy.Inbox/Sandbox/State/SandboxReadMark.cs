namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>The business marked a customer message read (and maybe showed "typing…" until <paramref name="TypingUntil"/>).</summary>
public sealed record SandboxReadMark(string MessageId, DateTimeOffset MessageAt, DateTimeOffset MarkedAt, DateTimeOffset? TypingUntil);
