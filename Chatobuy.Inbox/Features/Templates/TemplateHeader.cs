namespace Chatobuy.Inbox.Features.Templates;

/// <summary>A template header: <see cref="Format"/> is TEXT, IMAGE, VIDEO, DOCUMENT or LOCATION.</summary>
public sealed record TemplateHeader(string Format, string? Text);
