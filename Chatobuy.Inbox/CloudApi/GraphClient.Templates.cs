using Chatobuy.Inbox.CloudApi.Templates;

namespace Chatobuy.Inbox.CloudApi;

/// <summary>Message templates (reference §5): list, get, create, edit, delete.</summary>
public sealed partial class GraphClient
{
    public const string TemplateFields = "id,name,status,category,language,components,parameter_format,rejected_reason,quality_score,previous_category";

    /// <summary>Every template of the account (every page), optionally only those of one status.</summary>
    public Task<GraphResult<IReadOnlyList<TemplateData>>> ListTemplatesAsync(
        GraphConnection connection,
        string wabaId,
        CancellationToken cancellationToken,
        string? status = null,
        int pageSize = PageSize) =>
        CallAsync<IReadOnlyList<TemplateData>>(GraphOperation.ListTemplates, async () =>
            await ReadAllAsync(after => api.GetTemplatesAsync(connection, wabaId, TemplateFields, pageSize, after, status, cancellationToken)));

    public Task<GraphResult<TemplateData>> GetTemplateAsync(GraphConnection connection, string templateId, CancellationToken cancellationToken) =>
        CallAsync(GraphOperation.ListTemplates, () => api.GetTemplateAsync(connection, templateId, TemplateFields, cancellationToken));

    /// <summary>Submits <paramref name="template"/> for review.</summary>
    public Task<GraphResult<CreateTemplateResponse>> CreateTemplateAsync(
        GraphConnection connection,
        string wabaId,
        CreateTemplateRequest template,
        CancellationToken cancellationToken) =>
        CallAsync(GraphOperation.CreateTemplate, () => api.CreateTemplateAsync(connection, wabaId, template, cancellationToken));

    /// <summary>Replaces the components (and/or category) of a template; Meta reviews it again.</summary>
    public Task<GraphResult<bool>> EditTemplateAsync(
        GraphConnection connection,
        string templateId,
        EditTemplateRequest changes,
        CancellationToken cancellationToken) =>
        CallAsync(GraphOperation.EditTemplate, async () => (await api.EditTemplateAsync(connection, templateId, changes, cancellationToken)).Success);

    /// <summary>Deletes every language of <paramref name="name"/>, or only the template <paramref name="templateId"/>.</summary>
    public Task<GraphResult<bool>> DeleteTemplateAsync(
        GraphConnection connection,
        string wabaId,
        string name,
        string? templateId,
        CancellationToken cancellationToken) =>
        CallAsync(GraphOperation.DeleteTemplate, async () => (await api.DeleteTemplateAsync(connection, wabaId, name, templateId, cancellationToken)).Success);
}
