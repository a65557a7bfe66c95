namespace Chatobuy.Inbox.Features.Templates.Sending;

/// <summary>A template an agent may send: approved, on the WhatsApp Business Account of the channel.</summary>
public sealed record TemplateOption(long Id, string Name, string Language, string Category, TemplateContent Content)
{
    /// <summary>The text the picker searches: name, header, body and footer.</summary>
    public bool Matches(string? search) =>
        string.IsNullOrWhiteSpace(search)
        || Name.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase)
        || Name.Replace('_', ' ').Contains(search.Trim(), StringComparison.OrdinalIgnoreCase)
        || Content.Body.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase)
        || (Content.Header?.Text?.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase) ?? false)
        || (Content.Footer?.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase) ?? false);

    public static TemplateOption From(MessageTemplate template) =>
        new(template.Id, template.Name, template.Language, template.Category, template.Content);
}
