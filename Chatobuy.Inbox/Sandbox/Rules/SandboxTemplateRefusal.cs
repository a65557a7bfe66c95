namespace Chatobuy.Inbox.Sandbox.Rules;

/// <summary>Why Meta refused a template call: Graph code 100, an optional template subcode and Meta-like user texts.</summary>
public sealed record SandboxTemplateRefusal(int? Subcode, string Title, string UserMessage);
