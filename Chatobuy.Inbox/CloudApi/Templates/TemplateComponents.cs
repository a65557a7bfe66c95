using System.Text.Json;

namespace Chatobuy.Inbox.CloudApi.Templates;

/// <summary>
/// A template's <c>components</c> array as the inbox stores it: Meta's JSON (the GET format), written from and read
/// into <see cref="TemplateComponent"/>.
/// </summary>
public static class TemplateComponents
{
    public static string ToJson(IReadOnlyList<TemplateComponent> components) => JsonSerializer.Serialize(components, GraphJson.Options);

    /// <summary>
    /// The components of <paramref name="json"/>; JSON that can't be read gives none, so one odd row breaks no page.
    /// Reading doesn't enforce the records' non-null annotations: a field Meta leaves out is null.
    /// </summary>
    public static IReadOnlyList<TemplateComponent> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<TemplateComponent?>>(json, GraphJson.Options)?
                .OfType<TemplateComponent>()
                .Where(c => c.Type is not null)
                .ToList() ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
