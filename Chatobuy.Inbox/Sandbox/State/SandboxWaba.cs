namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>A seeded WhatsApp Business Account.</summary>
public sealed record SandboxWaba(
    string Id,
    string Name,
    string Currency,
    string TimezoneId,
    string MessageTemplateNamespace,
    SandboxOwnership Ownership);
