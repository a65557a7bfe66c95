using System.Text.Json;
using System.Text.Json.Nodes;

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

/// <summary>The button choices of the create form (authentication templates get their one OTP button by themselves).</summary>
public enum TemplateButtonKind
{
    QuickReply,
    Url,
    PhoneNumber,
    CopyCode,
}

/// <summary>One button being written.</summary>
public sealed class TemplateButtonDraft
{
    public TemplateButtonKind Kind { get; set; } = TemplateButtonKind.QuickReply;

    public string Text { get; set; } = "";

    /// <summary>URL buttons: the address, optionally ending in <c>{{1}}</c>.</summary>
    public string Url { get; set; } = "";

    /// <summary>URL buttons with a variable: what <c>{{1}}</c> could be.</summary>
    public string UrlExample { get; set; } = "";

    /// <summary>Phone number buttons: with the country code, e.g. +15550100.</summary>
    public string PhoneNumber { get; set; } = "";

    /// <summary>Copy code buttons: an example code.</summary>
    public string CodeExample { get; set; } = "";

    public bool UrlHasVariable => TemplateContent.VariablesOf(Url).Count > 0;
}

/// <summary>
/// A template being written or edited in the manager: what the form binds to. <see cref="ToComponents"/> writes
/// Meta's <c>components</c> array (reference §5.2); <see cref="ToContent"/> feeds the preview.
/// </summary>
public sealed class TemplateDraft
{
    public const string SecurityRecommendation = "For your security, do not share this code.";

    public string Category { get; set; } = "MARKETING";

    public string Language { get; set; } = "en_US";

    public string Name { get; set; } = "";

    /// <summary>POSITIONAL ({{1}}) or NAMED ({{first_name}}).</summary>
    public string ParameterFormat { get; set; } = TemplateContent.Positional;

    public TemplateHeaderKind HeaderKind { get; set; } = TemplateHeaderKind.None;

    public string HeaderText { get; set; } = "";

    /// <summary>An example for the header's variable.</summary>
    public string HeaderExample { get; set; } = "";

    /// <summary>The Resumable Upload handle of the example file of a media header.</summary>
    public string? HeaderHandle { get; set; }

    public string Body { get; set; } = "";

    /// <summary>An example per body variable, by variable name ("1", "2" or a named variable).</summary>
    public Dictionary<string, string> BodyExamples { get; set; } = new(StringComparer.Ordinal);

    public string Footer { get; set; } = "";

    public List<TemplateButtonDraft> Buttons { get; set; } = [];

    /// <summary>Authentication: add "For your security, do not share this code."</summary>
    public bool AddSecurityRecommendation { get; set; } = true;

    /// <summary>Authentication: "This code expires in N minutes." (1–90), none when empty.</summary>
    public int? CodeExpirationMinutes { get; set; } = 10;

    /// <summary>Authentication: the text of the copy-code button.</summary>
    public string OtpButtonText { get; set; } = "Copy code";

    public bool IsAuthentication => Category == "AUTHENTICATION";

    public bool IsNamed => ParameterFormat == TemplateContent.Named;

    public IReadOnlyList<string> HeaderVariables => HeaderKind == TemplateHeaderKind.Text ? TemplateContent.VariablesOf(HeaderText) : [];

    public IReadOnlyList<string> BodyVariables => IsAuthentication ? [] : TemplateContent.VariablesOf(Body);

    public string ExampleOf(string variable) => BodyExamples.GetValueOrDefault(variable) ?? "";

    /// <summary>Meta's components array for this draft.</summary>
    public JsonArray ToComponents()
    {
        var components = new JsonArray();
        if (IsAuthentication)
        {
            components.Add(new JsonObject { ["type"] = "BODY", ["add_security_recommendation"] = AddSecurityRecommendation });
            if (CodeExpirationMinutes is { } minutes)
            {
                components.Add(new JsonObject { ["type"] = "FOOTER", ["code_expiration_minutes"] = minutes });
            }

            components.Add(new JsonObject
            {
                ["type"] = "BUTTONS",
                ["buttons"] = new JsonArray(new JsonObject { ["type"] = "OTP", ["otp_type"] = "COPY_CODE", ["text"] = OtpButtonText.Trim() }),
            });
            return components;
        }

        if (HeaderKind == TemplateHeaderKind.Text)
        {
            var header = new JsonObject { ["type"] = "HEADER", ["format"] = "TEXT", ["text"] = HeaderText.Trim() };
            if (HeaderVariables is [var variable])
            {
                header["example"] = IsNamed
                    ? new JsonObject { ["header_text_named_params"] = new JsonArray(new JsonObject { ["param_name"] = variable, ["example"] = HeaderExample.Trim() }) }
                    : new JsonObject { ["header_text"] = new JsonArray(HeaderExample.Trim()) };
            }

            components.Add(header);
        }
        else if (HeaderKind != TemplateHeaderKind.None)
        {
            components.Add(new JsonObject
            {
                ["type"] = "HEADER",
                ["format"] = HeaderKind.ToString().ToUpperInvariant(),
                ["example"] = new JsonObject { ["header_handle"] = new JsonArray(HeaderHandle ?? "") },
            });
        }

        var body = new JsonObject { ["type"] = "BODY", ["text"] = Body.Trim() };
        if (BodyVariables.Count > 0)
        {
            body["example"] = IsNamed
                ? new JsonObject
                {
                    ["body_text_named_params"] = new JsonArray(BodyVariables
                        .Select(v => (JsonNode?)new JsonObject { ["param_name"] = v, ["example"] = ExampleOf(v).Trim() })
                        .ToArray()),
                }
                : new JsonObject
                {
                    ["body_text"] = new JsonArray(new JsonArray(BodyVariables
                        .OrderBy(v => int.TryParse(v, out var n) ? n : int.MaxValue)
                        .Select(v => (JsonNode?)ExampleOf(v).Trim())
                        .ToArray())),
                };
        }

        components.Add(body);
        if (!string.IsNullOrWhiteSpace(Footer))
        {
            components.Add(new JsonObject { ["type"] = "FOOTER", ["text"] = Footer.Trim() });
        }

        if (Buttons.Count > 0)
        {
            components.Add(new JsonObject { ["type"] = "BUTTONS", ["buttons"] = new JsonArray(Buttons.Select(b => (JsonNode?)ButtonJson(b)).ToArray()) });
        }

        return components;
    }

    /// <summary>The create request: name, language, category, parameter format and components.</summary>
    public JsonObject ToCreateRequest() => new()
    {
        ["name"] = Name.Trim(),
        ["language"] = Language,
        ["category"] = Category,
        ["parameter_format"] = IsAuthentication ? TemplateContent.Positional : ParameterFormat,
        ["components"] = ToComponents(),
    };

    /// <summary>What the template will show, for the preview (authentication texts as WhatsApp writes them).</summary>
    public TemplateContent ToContent()
    {
        if (IsAuthentication)
        {
            var text = "*{{1}}* is your verification code." + (AddSecurityRecommendation ? " " + SecurityRecommendation : "");
            var footer = CodeExpirationMinutes is { } minutes ? $"This code expires in {minutes} minutes." : null;
            return new TemplateContent(null, text, footer, [new TemplateButton("OTP", OtpButtonText, null, null)], TemplateContent.Positional);
        }

        var header = HeaderKind switch
        {
            TemplateHeaderKind.None => null,
            TemplateHeaderKind.Text => new TemplateHeader("TEXT", HeaderText),
            _ => new TemplateHeader(HeaderKind.ToString().ToUpperInvariant(), null),
        };
        return new TemplateContent(
            header,
            Body,
            string.IsNullOrWhiteSpace(Footer) ? null : Footer,
            Buttons.Select(b => new TemplateButton(ButtonType(b.Kind), b.Text, b.Kind == TemplateButtonKind.Url ? b.Url : null, b.Kind == TemplateButtonKind.PhoneNumber ? b.PhoneNumber : null)).ToList(),
            ParameterFormat);
    }

    /// <summary>The examples to show in the preview instead of the variables.</summary>
    public IReadOnlyDictionary<string, string> PreviewValues()
    {
        var values = new Dictionary<string, string>(BodyExamples, StringComparer.Ordinal);
        if (IsAuthentication)
        {
            values["1"] = "123456";
        }

        return values;
    }

    /// <summary>The example to show instead of the header's variable.</summary>
    public IReadOnlyDictionary<string, string> PreviewHeaderValues() =>
        HeaderVariables is [var variable] && !string.IsNullOrWhiteSpace(HeaderExample)
            ? new Dictionary<string, string> { [variable] = HeaderExample }
            : new Dictionary<string, string>();

    /// <summary>A draft holding what a stored template says, for editing (name and language stay as they are).</summary>
    public static TemplateDraft From(MessageTemplate template)
    {
        var draft = new TemplateDraft
        {
            Category = template.Category,
            Language = template.Language,
            Name = template.Name,
            ParameterFormat = template.ParameterFormat == TemplateContent.Named ? TemplateContent.Named : TemplateContent.Positional,
        };

        JsonArray components;
        try
        {
            components = JsonNode.Parse(template.ComponentsJson) as JsonArray ?? [];
        }
        catch (JsonException)
        {
            components = [];
        }

        foreach (var component in components.OfType<JsonObject>())
        {
            var example = component["example"] as JsonObject;
            switch (Text(component["type"])?.ToUpperInvariant())
            {
                case "HEADER":
                    var format = Text(component["format"])?.ToUpperInvariant();
                    draft.HeaderKind = format switch
                    {
                        "TEXT" => TemplateHeaderKind.Text,
                        "IMAGE" => TemplateHeaderKind.Image,
                        "VIDEO" => TemplateHeaderKind.Video,
                        "DOCUMENT" => TemplateHeaderKind.Document,
                        _ => TemplateHeaderKind.None,
                    };
                    draft.HeaderText = Text(component["text"]) ?? "";
                    draft.HeaderExample = Text((example?["header_text"] as JsonArray)?.FirstOrDefault())
                        ?? Text(((example?["header_text_named_params"] as JsonArray)?.FirstOrDefault() as JsonObject)?["example"])
                        ?? "";
                    draft.HeaderHandle = Text((example?["header_handle"] as JsonArray)?.FirstOrDefault());
                    break;
                case "BODY":
                    draft.Body = Text(component["text"]) ?? "";
                    if (component["add_security_recommendation"] is JsonValue flag && flag.TryGetValue<bool>(out var add))
                    {
                        draft.AddSecurityRecommendation = add;
                    }

                    if ((example?["body_text"] as JsonArray)?.FirstOrDefault() is JsonArray row)
                    {
                        var ordered = TemplateContent.VariablesOf(draft.Body).OrderBy(v => int.TryParse(v, out var n) ? n : int.MaxValue).ToList();
                        for (var i = 0; i < ordered.Count && i < row.Count; i++)
                        {
                            draft.BodyExamples[ordered[i]] = Text(row[i]) ?? "";
                        }
                    }

                    foreach (var named in (example?["body_text_named_params"] as JsonArray)?.OfType<JsonObject>() ?? [])
                    {
                        if (Text(named["param_name"]) is { } name)
                        {
                            draft.BodyExamples[name] = Text(named["example"]) ?? "";
                        }
                    }

                    break;
                case "FOOTER":
                    draft.Footer = Text(component["text"]) ?? "";
                    draft.CodeExpirationMinutes = component["code_expiration_minutes"] is JsonValue minutes && minutes.TryGetValue<int>(out var m) ? m : draft.IsAuthentication ? null : draft.CodeExpirationMinutes;
                    break;
                case "BUTTONS":
                    foreach (var button in (component["buttons"] as JsonArray)?.OfType<JsonObject>() ?? [])
                    {
                        var type = Text(button["type"])?.ToUpperInvariant();
                        if (type == "OTP")
                        {
                            draft.OtpButtonText = Text(button["text"]) ?? draft.OtpButtonText;
                            continue;
                        }

                        var kind = type switch
                        {
                            "URL" => TemplateButtonKind.Url,
                            "PHONE_NUMBER" => TemplateButtonKind.PhoneNumber,
                            "COPY_CODE" => TemplateButtonKind.CopyCode,
                            _ => TemplateButtonKind.QuickReply,
                        };
                        draft.Buttons.Add(new TemplateButtonDraft
                        {
                            Kind = kind,
                            Text = Text(button["text"]) ?? "",
                            Url = Text(button["url"]) ?? "",
                            UrlExample = kind == TemplateButtonKind.Url ? Text((button["example"] as JsonArray)?.FirstOrDefault()) ?? "" : "",
                            PhoneNumber = Text(button["phone_number"]) ?? "",
                            CodeExample = kind == TemplateButtonKind.CopyCode ? Text(button["example"]) ?? "" : "",
                        });
                    }

                    break;
            }
        }

        return draft;
    }

    public static string ButtonType(TemplateButtonKind kind) => kind switch
    {
        TemplateButtonKind.Url => "URL",
        TemplateButtonKind.PhoneNumber => "PHONE_NUMBER",
        TemplateButtonKind.CopyCode => "COPY_CODE",
        _ => "QUICK_REPLY",
    };

    private static JsonObject ButtonJson(TemplateButtonDraft button)
    {
        var json = new JsonObject { ["type"] = ButtonType(button.Kind), ["text"] = button.Text.Trim() };
        switch (button.Kind)
        {
            case TemplateButtonKind.Url:
                json["url"] = button.Url.Trim();
                if (button.UrlHasVariable)
                {
                    json["example"] = new JsonArray(button.UrlExample.Trim());
                }

                break;
            case TemplateButtonKind.PhoneNumber:
                json["phone_number"] = button.PhoneNumber.Replace(" ", "", StringComparison.Ordinal).Trim();
                break;
            case TemplateButtonKind.CopyCode:
                json["example"] = button.CodeExample.Trim();
                break;
        }

        return json;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
