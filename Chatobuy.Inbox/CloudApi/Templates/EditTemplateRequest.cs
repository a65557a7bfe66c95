namespace Chatobuy.Inbox.CloudApi.Templates;

/// <summary>
/// Reference §5.3: the body of <c>POST /{template-id}</c>. Name and language can't change; <see cref="Category"/> is
/// sent only when it changes (null is left out).
/// </summary>
public sealed record EditTemplateRequest(IReadOnlyList<TemplateComponent> Components, string? Category = null);
