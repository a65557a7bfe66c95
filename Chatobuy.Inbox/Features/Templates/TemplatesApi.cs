using System.Text.Json;
using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Features.Channels;
using Microsoft.AspNetCore.Http.HttpResults;

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

/// <summary><c>GET /api/v1/channels/{id}/templates[?status=APPROVED]</c>: the templates of the channel's account.</summary>
public static class TemplatesApi
{
    public static RouteGroupBuilder MapTemplatesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/channels/{id}/templates", ListAsync).WithTags("Templates");
        return api;
    }

    private static async Task<Results<Ok<List<TemplateDto>>, NotFound<ApiError>>> ListAsync(
        string id,
        string? status,
        TemplateManager templates,
        CancellationToken cancellationToken)
    {
        if (await templates.GetChannelAsync(id, cancellationToken) is not { } channel)
        {
            return TypedResults.NotFound(new ApiError(ChannelsApi.NotFoundMessage));
        }

        var all = await templates.ListAsync(channel.WabaId, cancellationToken);
        return TypedResults.Ok(all
            .Where(t => string.IsNullOrWhiteSpace(status) || string.Equals(t.Status, status.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(TemplateDto.From)
            .ToList());
    }
}
