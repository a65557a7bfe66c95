namespace Chatobuy.Inbox.Features.Templates.Sending;

/// <summary>Which part of a template a value fills.</summary>
public enum TemplateFieldPart
{
    Header,
    Body,

    /// <summary>The variable suffix of a URL button.</summary>
    UrlButton,
}
