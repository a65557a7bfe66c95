namespace Chatobuy.Inbox.Features.Templates;

/// <summary>The header choices of the create form.</summary>
public enum TemplateHeaderKind
{
    None,
    Text,
    Image,
    Video,
    Document,
}
