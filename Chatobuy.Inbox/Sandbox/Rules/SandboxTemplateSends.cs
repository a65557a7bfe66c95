using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Chatobuy.Inbox.Sandbox.State;

namespace Chatobuy.Inbox.Sandbox.Rules;

/// <summary>
/// Meta's checks of a <c>type: "template"</c> send against the WABA's templates (reference §3.5, §8.2): the template
/// exists with that name in exactly that language and is approved (PAUSED → 132015, DISABLED → 132016, any other
/// state → 132001), each component gets as many parameters as it has variables (132000), the parameters have the
/// right kind (132012: e.g. no image for an IMAGE header), no new lines, tabs or more than four spaces in a value
/// (132007), and the filled-in body fits 1024 characters (132005).
/// <para>
/// Sync or async: reference §8.2 lists 132001, 132005, 132007, 132012, 132015 and 132016 as synchronous and 132000 as
/// "sync/async", so the Sandbox answers all of them synchronously (HTTP 400 with the code), which is also what the
/// inbox must handle for them. Only the 24-hour window is checked after the 200 (131047), and templates are exempt
/// from it (reference §8.5).
/// </para>
/// </summary>
public static partial class SandboxTemplateSends
{
    public const int MaxBody = 1024;
    public const int MaxHeader = 60;

    public static (SandboxRenderedTemplate? Template, SandboxSendProblem? Problem) Check(
        SandboxTemplates templates,
        SandboxMediaStore media,
        string wabaId,
        JsonObject send)
    {
        var name = SandboxMessageRules.Str(send["name"]) ?? "";
        var language = SandboxMessageRules.Str(send["language"]?["code"]) ?? "";
        var template = templates.Find(wabaId, name, language);
        if (template is null)
        {
            var other = templates.List(wabaId).Where(t => t.Name == name).Select(t => t.Language).ToList();
            return Fail(132001, other.Count == 0
                ? $"template name ({name}) does not exist in {language}"
                : $"template name ({name}) does not exist in {language}; it exists in {string.Join(", ", other)}");
        }

        switch (template.Status)
        {
            case "APPROVED":
                break;
            case "PAUSED":
                return Fail(132015, $"Template {name} is paused because of low quality; it cannot be sent until its quality improves or it is edited");
            case "DISABLED":
                return Fail(132016, $"Template {name} was disabled because of repeated low quality");
            default:
                return Fail(132001, $"template name ({name}) does not exist in {language}: its status is {template.Status}, not APPROVED");
        }

        var named = string.Equals(template.ParameterFormat, "NAMED", StringComparison.OrdinalIgnoreCase);
        var definition = Definition.Read(template.Components);
        if (send["components"] is { } componentsNode && componentsNode is not JsonArray)
        {
            return Fail(100, "Param template['components'] must be an array");
        }

        var sent = (send["components"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        JsonObject? Sent(string type) => sent.FirstOrDefault(c => string.Equals(SandboxMessageRules.Str(c["type"]), type, StringComparison.OrdinalIgnoreCase));

        // Header.
        string? headerText = null;
        string? headerLink = null;
        string? headerId = null;
        var headerComponent = Sent("header");
        if (definition.HeaderFormat is "IMAGE" or "VIDEO" or "DOCUMENT")
        {
            var kind = definition.HeaderFormat.ToLowerInvariant();
            var parameters = Parameters(headerComponent);
            if (parameters.Count == 0)
            {
                return Fail(132012, $"Parameter format does not match format in the created template: the header needs an {kind} parameter");
            }

            if (parameters.Count != 1)
            {
                return Fail(132000, $"Number of parameters does not match the expected number of params: header expects 1, got {parameters.Count}");
            }

            if (SandboxMessageRules.Str(parameters[0]["type"]) != kind || parameters[0][kind] is not JsonObject file)
            {
                return Fail(132012, $"Parameter format does not match format in the created template: header expects type {kind}");
            }

            headerId = SandboxMessageRules.Str(file["id"]);
            headerLink = SandboxMessageRules.Str(file["link"]);
            if (headerId is null == (headerLink is null))
            {
                return Fail(132012, $"Parameter format does not match format in the created template: header {kind} needs an id or a link");
            }

            if (headerId is not null && media.Find(headerId) is null)
            {
                return Fail(131009, $"Param template header {kind}['id'] is not a valid media id: media {headerId} does not exist or was deleted");
            }

            if (headerLink is not null && !IsHttpUrl(headerLink))
            {
                return Fail(132012, $"Parameter format does not match format in the created template: header {kind} link must be an http or https URL");
            }
        }
        else
        {
            var variables = Variables(definition.HeaderText, named);
            var (values, problem) = TextValues("header", Parameters(headerComponent), variables, named);
            if (problem is not null)
            {
                return (null, problem);
            }

            if (definition.HeaderText is { } text)
            {
                headerText = Render(text, values!);
                if (headerText.Length > MaxHeader)
                {
                    return Fail(132005, $"Translated text too long: the header is {headerText.Length} characters, at most {MaxHeader}");
                }
            }
        }

        // Body.
        var (bodyValues, bodyProblem) = TextValues("body", Parameters(Sent("body")), Variables(definition.Body, named), named);
        if (bodyProblem is not null)
        {
            return (null, bodyProblem);
        }

        var body = Render(definition.Body, bodyValues!);
        if (body.Length > MaxBody)
        {
            return Fail(132005, $"Translated text too long: the body is {body.Length} characters, at most {MaxBody}");
        }

        // Buttons: a URL button ending in a variable needs its suffix; a quick reply may carry a payload.
        var buttonComponents = sent.Where(c => string.Equals(SandboxMessageRules.Str(c["type"]), "button", StringComparison.OrdinalIgnoreCase)).ToList();
        var byIndex = new Dictionary<int, JsonObject>();
        foreach (var component in buttonComponents)
        {
            if (!int.TryParse(component["index"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= definition.Buttons.Count)
            {
                return Fail(132000, $"Number of parameters does not match the expected number of params: there is no button at index {component["index"]}");
            }

            byIndex[index] = component;
        }

        var buttons = new List<SandboxTemplateButton>();
        for (var i = 0; i < definition.Buttons.Count; i++)
        {
            var (type, text, url, phone) = definition.Buttons[i];
            var parameters = Parameters(byIndex.GetValueOrDefault(i));
            string? payload = null;
            if (type == "URL" && url is not null && VariablePattern().IsMatch(url))
            {
                if (parameters.Count != 1)
                {
                    return Fail(132000, $"Number of parameters does not match the expected number of params: button {i} expects 1, got {parameters.Count}");
                }

                if (SandboxMessageRules.Str(parameters[0]["type"]) != "text" || SandboxMessageRules.Str(parameters[0]["text"]) is not { Length: > 0 } suffix)
                {
                    return Fail(132012, $"Parameter format does not match format in the created template: button {i} expects a text parameter");
                }

                url = VariablePattern().Replace(url, suffix, 1);
            }
            else if (type == "QUICK_REPLY" && parameters.Count > 0)
            {
                payload = SandboxMessageRules.Str(parameters[0]["payload"]);
            }
            else if (parameters.Count > 0)
            {
                return Fail(132000, $"Number of parameters does not match the expected number of params: button {i} expects none, got {parameters.Count}");
            }

            buttons.Add(new SandboxTemplateButton(type, text, url, phone, type == "QUICK_REPLY" ? payload ?? text : null));
        }

        return (new SandboxRenderedTemplate(name, language, definition.HeaderFormat, headerText, headerLink, headerId, body, definition.Footer, buttons, template.Category), null);
    }

    /// <summary>The text a customer's phone shows in a one-line list: header and body.</summary>
    public static string Summarize(SandboxRenderedTemplate template) =>
        template.HeaderText is { Length: > 0 } header ? $"{header} — {template.Body}" : template.Body;

    private static (IReadOnlyDictionary<string, string>? Values, SandboxSendProblem? Problem) TextValues(
        string part,
        IReadOnlyList<JsonObject> parameters,
        IReadOnlyList<string> variables,
        bool named)
    {
        if (parameters.Count != variables.Count)
        {
            return (null, new SandboxSendProblem(132000, $"Number of parameters does not match the expected number of params: {part} expects {variables.Count}, got {parameters.Count}"));
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            var value = SandboxMessageRules.Str(parameter["type"]) switch
            {
                "text" => SandboxMessageRules.Str(parameter["text"]),
                "currency" => SandboxMessageRules.Str(parameter["currency"]?["fallback_value"]),
                "date_time" => SandboxMessageRules.Str(parameter["date_time"]?["fallback_value"]),
                _ => null,
            };
            if (value is null)
            {
                return (null, new SandboxSendProblem(132012, $"Parameter format does not match format in the created template: {part} parameter {i + 1} must be text, currency or date_time with a value"));
            }

            if (value.Contains('\n') || value.Contains('\t') || value.Contains("     ", StringComparison.Ordinal))
            {
                return (null, new SandboxSendProblem(132007, $"Template format character policy violated: {part} parameter {i + 1} has a new line, a tab or more than 4 consecutive spaces"));
            }

            string variable;
            if (named)
            {
                if (SandboxMessageRules.Str(parameter["parameter_name"]) is not { } parameterName || !variables.Contains(parameterName))
                {
                    return (null, new SandboxSendProblem(132000, $"Number of parameters does not match the expected number of params: {part} has no variable named {SandboxMessageRules.Str(parameter["parameter_name"]) ?? "(missing parameter_name)"}"));
                }

                variable = parameterName;
            }
            else
            {
                variable = variables[i];
            }

            values[variable] = value;
        }

        return (values, null);
    }

    private static IReadOnlyList<JsonObject> Parameters(JsonObject? component) =>
        (component?["parameters"] as JsonArray ?? []).OfType<JsonObject>().ToList();

    /// <summary>Positional variables in number order, named ones as written; each once.</summary>
    private static IReadOnlyList<string> Variables(string? text, bool named)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var found = VariablePattern().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal);
        return named
            ? found.ToList()
            : found.OrderBy(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue).ToList();
    }

    private static string Render(string text, IReadOnlyDictionary<string, string> values) =>
        VariablePattern().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    private static bool IsHttpUrl(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static (SandboxRenderedTemplate?, SandboxSendProblem?) Fail(int code, string details) => (null, new SandboxSendProblem(code, details));

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")]
    private static partial Regex VariablePattern();

    /// <summary>What the created template says: header format and text, body, footer, buttons.</summary>
    private sealed record Definition(string? HeaderFormat, string? HeaderText, string Body, string? Footer, IReadOnlyList<(string Type, string Text, string? Url, string? Phone)> Buttons)
    {
        public static Definition Read(JsonArray components)
        {
            string? headerFormat = null;
            string? headerText = null;
            var body = "";
            string? footer = null;
            var buttons = new List<(string, string, string?, string?)>();
            foreach (var component in components.OfType<JsonObject>())
            {
                switch (SandboxMessageRules.Str(component["type"])?.ToUpperInvariant())
                {
                    case "HEADER":
                        headerFormat = (SandboxMessageRules.Str(component["format"]) ?? "TEXT").ToUpperInvariant();
                        headerText = SandboxMessageRules.Str(component["text"]);
                        break;
                    case "BODY":
                        body = SandboxMessageRules.Str(component["text"]) ?? "";
                        break;
                    case "FOOTER":
                        footer = SandboxMessageRules.Str(component["text"]);
                        break;
                    case "BUTTONS":
                        buttons.AddRange((component["buttons"] as JsonArray ?? []).OfType<JsonObject>().Select(b => (
                            (SandboxMessageRules.Str(b["type"]) ?? "").ToUpperInvariant(),
                            SandboxMessageRules.Str(b["text"]) ?? "",
                            SandboxMessageRules.Str(b["url"]),
                            SandboxMessageRules.Str(b["phone_number"]))));
                        break;
                }
            }

            return new Definition(headerFormat, headerText, body, footer, buttons);
        }
    }
}
