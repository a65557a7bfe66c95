namespace Chatobuy.Inbox.Sandbox.Rules;

/// <summary>A button of a template as the customer sees it; <see cref="Payload"/> is what a quick-reply tap sends back.</summary>
public sealed record SandboxTemplateButton(string Type, string Text, string? Url, string? PhoneNumber, string? Payload);
