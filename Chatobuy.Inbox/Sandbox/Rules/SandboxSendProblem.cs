namespace Chatobuy.Inbox.Sandbox.Rules;

/// <summary>Why Meta refuses a send: a WhatsApp error code (100, 131008, 131009, 131053, 132001…) and <c>error_data.details</c>.</summary>
public sealed record SandboxSendProblem(int Code, string Details);
