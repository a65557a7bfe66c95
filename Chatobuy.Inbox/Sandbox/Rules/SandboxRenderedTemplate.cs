namespace Chatobuy.Inbox.Sandbox.Rules;

/// <summary>A template message as it reaches the customer: every variable filled in; <paramref name="Category"/> is the template's (MARKETING, UTILITY, AUTHENTICATION), for pricing.</summary>
public sealed record SandboxRenderedTemplate(
    string Name,
    string Language,
    string? HeaderFormat,
    string? HeaderText,
    string? HeaderMediaLink,
    string? HeaderMediaId,
    string Body,
    string? Footer,
    IReadOnlyList<SandboxTemplateButton> Buttons,
    string Category = "UTILITY");
