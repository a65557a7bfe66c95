using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Chatobuy.Inbox.Sandbox.Rules;
using Chatobuy.Inbox.Sandbox.State;

namespace Chatobuy.Inbox.Sandbox.Graph;

/// <summary>
/// Message templates (reference §5): <c>GET|POST|DELETE /{waba-id}/message_templates</c>, <c>GET|POST /{template-id}</c>.
/// New and edited templates start PENDING and are decided by <see cref="SandboxTemplateReview"/>.
/// </summary>
public static partial class SandboxGraphEndpoints
{
    private const string TemplateNodeType = "WhatsAppMessageTemplate";

    private static readonly IReadOnlyList<string> TemplateDefaults = ["name", "components", "language", "status", "category", "id"];

    private static readonly string[] EditableStatuses = ["APPROVED", "REJECTED", "PAUSED"];

    private static SandboxGraphNode TemplateNode(SandboxTemplate template) => new(TemplateNodeType, new Dictionary<string, Func<JsonNode?>>
    {
        ["id"] = () => template.Id,
        ["name"] = () => template.Name,
        ["language"] = () => template.Language,
        ["status"] = () => template.Status,
        ["category"] = () => template.Category,
        ["components"] = () => template.Components,
        ["parameter_format"] = () => template.ParameterFormat,
        ["rejected_reason"] = () => template.RejectedReason ?? "NONE",
        ["quality_score"] = () => new JsonObject { ["score"] = template.QualityScore, ["date"] = template.UpdatedAt.ToUnixTimeSeconds() },
        ["previous_category"] = () => template.PreviousCategory,
        ["correct_category"] = () => null,
        ["sub_category"] = () => null,
        ["message_send_ttl_seconds"] = () => null,
        ["library_template_name"] = () => null,
        ["cta_url_link_tracking_opted_out"] = () => null,
    });

    /// <summary>Reference §5.1: filters <c>name</c> (part of the name), <c>status</c>, <c>category</c>, <c>language</c>, <c>quality_score</c> (comma lists), <c>content</c>, <c>name_or_content</c>.</summary>
    private static IResult ListTemplates(HttpRequest request, SandboxWaba waba, SandboxTemplates store, int pageSize)
    {
        var query = request.Query;
        IEnumerable<SandboxTemplate> matching = store.List(waba.Id);
        if (query["name"].FirstOrDefault() is { Length: > 0 } name)
        {
            matching = matching.Where(t => t.Name.Contains(name, StringComparison.OrdinalIgnoreCase));
        }

        if (query["content"].FirstOrDefault() is { Length: > 0 } content)
        {
            matching = matching.Where(t => t.ComponentsJson.Contains(content, StringComparison.OrdinalIgnoreCase));
        }

        if (query["name_or_content"].FirstOrDefault() is { Length: > 0 } either)
        {
            matching = matching.Where(t => t.Name.Contains(either, StringComparison.OrdinalIgnoreCase) || t.ComponentsJson.Contains(either, StringComparison.OrdinalIgnoreCase));
        }

        foreach (var (parameter, read) in new (string, Func<SandboxTemplate, string>)[]
                 {
                     ("status", t => t.Status), ("category", t => t.Category), ("language", t => t.Language), ("quality_score", t => t.QualityScore),
                 })
        {
            if (query[parameter].FirstOrDefault() is { Length: > 0 } list)
            {
                var allowed = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
                matching = matching.Where(t => allowed.Contains(read(t)));
            }
        }

        return List(request, matching.Select(TemplateNode), SandboxGraphNode.ParseFields(query["fields"].FirstOrDefault(), TemplateDefaults), pageSize);
    }

    private static IResult GetTemplate(HttpRequest request, SandboxTemplate template) =>
        Single(request, TemplateNode(template), TemplateDefaults);

    /// <summary>Reference §5.2: validates like Meta and answers <c>{id, status: PENDING, category}</c>.</summary>
    private static async Task<IResult> CreateTemplateAsync(
        HttpRequest request,
        SandboxWaba waba,
        SandboxTemplates store,
        SandboxTemplateReview review,
        CancellationToken cancellationToken)
    {
        var read = await ReadParametersAsync(request, cancellationToken);
        if (read.Body is not { } body)
        {
            return read.Error!;
        }

        if (body.Select(p => p.Key).FirstOrDefault(k => k is not ("name" or "language" or "category" or "components" or "parameter_format" or "allow_category_change" or "message_send_ttl_seconds")) is { } unknown)
        {
            return SandboxGraphErrors.InvalidParameter($"(#100) Param {unknown} is not a valid parameter");
        }

        var name = SandboxTemplateRules.Text(body["name"]);
        var language = SandboxTemplateRules.Text(body["language"]);
        var category = SandboxTemplateRules.Text(body["category"])?.ToUpperInvariant();
        if (string.IsNullOrEmpty(name))
        {
            return SandboxGraphErrors.InvalidParameter("(#100) The parameter name is required");
        }

        if (!TemplateName().IsMatch(name))
        {
            return SandboxGraphErrors.TemplateRefused(new SandboxTemplateRefusal(null, "Invalid parameter", "Template names can only contain lowercase letters, numbers and underscores, and are at most 512 characters."));
        }

        if (string.IsNullOrEmpty(language))
        {
            return SandboxGraphErrors.InvalidParameter("(#100) The parameter language is required");
        }

        if (!LanguageCode().IsMatch(language))
        {
            return SandboxGraphErrors.TemplateRefused(new SandboxTemplateRefusal(null, "Invalid parameter", $"{language} is not a language WhatsApp templates support (e.g. en, en_US, es, pt_BR)."));
        }

        if (string.IsNullOrEmpty(category))
        {
            return SandboxGraphErrors.InvalidParameter("(#100) The parameter category is required");
        }

        if (!SandboxTemplateRules.Categories.Contains(category))
        {
            return SandboxGraphErrors.InvalidParameter("(#100) Param category must be one of {MARKETING, UTILITY, AUTHENTICATION}");
        }

        var parameterFormat = SandboxTemplateRules.Text(body["parameter_format"])?.ToUpperInvariant() ?? "POSITIONAL";
        if (parameterFormat is not ("POSITIONAL" or "NAMED"))
        {
            return SandboxGraphErrors.InvalidParameter("(#100) Param parameter_format must be one of {POSITIONAL, NAMED}");
        }

        if (store.Find(waba.Id, name, language) is not null)
        {
            return SandboxGraphErrors.TemplateRefused(new SandboxTemplateRefusal(
                2388024,
                "Content in this language already exists",
                $"There is already {language} content for the template {name}. Create a new template, or edit the existing one."));
        }

        if (store.List(waba.Id).Count >= SandboxTemplateRules.MaxTemplatesPerAccount)
        {
            return SandboxGraphErrors.TemplateRefused(new SandboxTemplateRefusal(
                2388019,
                "Message template limit exceeded",
                $"This WhatsApp Business Account already has {SandboxTemplateRules.MaxTemplatesPerAccount} message templates."));
        }

        if (SandboxTemplateRules.Check(category, parameterFormat, body["components"]) is { } refusal)
        {
            return SandboxGraphErrors.TemplateRefused(refusal);
        }

        var components = (JsonArray)body["components"]!.DeepClone();
        var template = store.Add(waba.Id, name, language, category, parameterFormat, category == "AUTHENTICATION" ? SandboxTemplateRules.WithAuthenticationTexts(components) : components, "PENDING");
        review.Submit(template.Id);
        return TypedResults.Json(new JsonObject { ["id"] = template.Id, ["status"] = template.Status, ["category"] = template.Category }, SandboxJson.Options);
    }

    /// <summary>Reference §5.3: new components and/or category of an approved, rejected or paused template; back to PENDING.</summary>
    private static async Task<IResult> EditTemplateAsync(
        HttpRequest request,
        SandboxTemplate template,
        SandboxTemplates store,
        SandboxTemplateReview review,
        CancellationToken cancellationToken)
    {
        var read = await ReadParametersAsync(request, cancellationToken);
        if (read.Body is not { } body)
        {
            return read.Error!;
        }

        if (body.ContainsKey("name") || body.ContainsKey("language"))
        {
            return SandboxGraphErrors.TemplateRefused(new SandboxTemplateRefusal(null, "Invalid parameter", "A template's name and language can't be changed. Create a new template instead."));
        }

        if (body.Select(p => p.Key).FirstOrDefault(k => k is not ("components" or "category" or "parameter_format" or "message_send_ttl_seconds")) is { } unknown)
        {
            return SandboxGraphErrors.InvalidParameter($"(#100) Param {unknown} is not a valid parameter");
        }

        if (body["components"] is null && body["category"] is null)
        {
            return SandboxGraphErrors.InvalidParameter("(#100) Provide components or category to edit");
        }

        if (!EditableStatuses.Contains(template.Status))
        {
            return SandboxGraphErrors.TemplateRefused(new SandboxTemplateRefusal(
                null,
                "Template can't be edited",
                $"Only approved, rejected or paused templates can be edited; this one is {template.Status}."));
        }

        var category = SandboxTemplateRules.Text(body["category"])?.ToUpperInvariant() ?? template.Category;
        if (!SandboxTemplateRules.Categories.Contains(category))
        {
            return SandboxGraphErrors.InvalidParameter("(#100) Param category must be one of {MARKETING, UTILITY, AUTHENTICATION}");
        }

        var parameterFormat = SandboxTemplateRules.Text(body["parameter_format"])?.ToUpperInvariant() ?? template.ParameterFormat;
        var components = body["components"]?.DeepClone() ?? template.Components;
        if (SandboxTemplateRules.Check(category, parameterFormat, components) is { } refusal)
        {
            return SandboxGraphErrors.TemplateRefused(refusal);
        }

        store.Update(template.Id, t => t with
        {
            Category = category,
            ParameterFormat = parameterFormat,
            ComponentsJson = (category == "AUTHENTICATION" && components is JsonArray list ? SandboxTemplateRules.WithAuthenticationTexts(list) : components).ToJsonString(),
            Status = "PENDING",
            RejectedReason = null,
        });
        review.Submit(template.Id);
        return Success();
    }

    /// <summary>Reference §5.4: <c>name</c> deletes every language; <c>name</c> + <c>hsm_id</c> deletes that one.</summary>
    private static IResult DeleteTemplates(HttpRequest request, SandboxWaba waba, SandboxTemplates store)
    {
        var name = request.Query["name"].FirstOrDefault();
        var hsmId = request.Query["hsm_id"].FirstOrDefault();
        if (string.IsNullOrEmpty(name))
        {
            return SandboxGraphErrors.InvalidParameter("(#100) The parameter name is required");
        }

        var removed = store.Remove(t => t.WabaId == waba.Id && t.Name == name && (string.IsNullOrEmpty(hsmId) || t.Id == hsmId));
        return removed.Count == 0
            ? SandboxGraphErrors.TemplateRefused(new SandboxTemplateRefusal(
                null,
                "Message template not found",
                string.IsNullOrEmpty(hsmId) ? $"There is no template named {name}." : $"There is no template {hsmId} named {name}."))
            : Success();
    }

    [GeneratedRegex("^[a-z0-9_]{1,512}$")]
    private static partial Regex TemplateName();

    [GeneratedRegex("^[a-z]{2,3}(_[A-Za-z]{2,4})?$")]
    private static partial Regex LanguageCode();
}
