namespace Chatobuy.Inbox.CloudApi.Messages;

/// <summary>Reference §3.5: an approved template by name and language, with the values of its variables.</summary>
public sealed record TemplateObject(string Name, TemplateLanguage Language, IReadOnlyList<TemplateComponent>? Components = null)
{
    /// <summary>Puts an uploaded file's media id into the media header parameter, in place of its link.</summary>
    public TemplateObject WithHeaderMediaId(string mediaId) => Components is null
        ? this
        : this with { Components = [.. Components.Select(c => c.Type == "header" ? c with { Parameters = [.. c.Parameters.Select(p => p.WithMediaId(mediaId))] } : c)] };
}
