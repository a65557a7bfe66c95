namespace Chatobuy.Inbox.CloudApi.Templates;

/// <summary>
/// Reference §5.2: the body of <c>POST /{waba-id}/message_templates</c>. <see cref="ParameterFormat"/> is POSITIONAL
/// (<c>{{1}}</c>) or NAMED (<c>{{first_name}}</c>).
/// </summary>
public sealed record CreateTemplateRequest(
    string Name,
    string Language,
    string Category,
    string ParameterFormat,
    IReadOnlyList<TemplateComponent> Components);
