using System.Text.Json;

namespace Chatobuy.Inbox.Features.Templates;

/// <summary>A template as the integration API gives it; <c>components</c> is Meta's array as stored.</summary>
public sealed record TemplateDto(
    string Id,
    string Name,
    string Language,
    string Category,
    string Status,
    string? Reason,
    string? Quality,
    string? PreviousCategory,
    string ParameterFormat,
    JsonElement Components,
    DateTimeOffset UpdatedAt)
{
    public static TemplateDto From(MessageTemplate template)
    {
        using var components = JsonDocument.Parse(string.IsNullOrWhiteSpace(template.ComponentsJson) ? "[]" : template.ComponentsJson);
        return new TemplateDto(
            template.MetaId,
            template.Name,
            template.Language,
            template.Category,
            template.Status,
            template.RejectedReason,
            template.QualityScore,
            template.PreviousCategory,
            template.ParameterFormat,
            components.RootElement.Clone(),
            template.UpdatedAt);
    }
}
