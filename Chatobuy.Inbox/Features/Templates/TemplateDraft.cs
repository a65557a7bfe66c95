using Chatobuy.Inbox.CloudApi.Templates;

namespace Chatobuy.Inbox.Features.Templates;

/// <summary>
/// A template being written or edited in the manager: what the form binds to. <see cref="ToCreateRequest"/> and
/// <see cref="ToEditRequest"/> say it the way Meta takes it (reference §5.2–5.3); <see cref="ToContent"/> feeds the preview.
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

    /// <summary>The create request: name, language, category, parameter format and components.</summary>
    public CreateTemplateRequest ToCreateRequest() => new(
        Name.Trim(),
        Language,
        Category,
        IsAuthentication ? TemplateContent.Positional : ParameterFormat,
        ToComponents());

    /// <summary>The edit request: the components, and the category only when it differs from <paramref name="currentCategory"/>.</summary>
    public EditTemplateRequest ToEditRequest(string currentCategory) =>
        new(ToComponents(), Category != currentCategory ? Category : null);

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

        foreach (var component in TemplateComponents.Parse(template.ComponentsJson))
        {
            var example = component.Example;
            switch (component.Type.ToUpperInvariant())
            {
                case "HEADER":
                    draft.HeaderKind = component.Format?.ToUpperInvariant() switch
                    {
                        "TEXT" => TemplateHeaderKind.Text,
                        "IMAGE" => TemplateHeaderKind.Image,
                        "VIDEO" => TemplateHeaderKind.Video,
                        "DOCUMENT" => TemplateHeaderKind.Document,
                        _ => TemplateHeaderKind.None,
                    };
                    draft.HeaderText = component.Text ?? "";
                    draft.HeaderExample = example?.HeaderText?.FirstOrDefault() ?? example?.HeaderTextNamedParams?.FirstOrDefault()?.Example ?? "";
                    draft.HeaderHandle = example?.HeaderHandle?.FirstOrDefault();
                    break;
                case "BODY":
                    draft.Body = component.Text ?? "";
                    draft.AddSecurityRecommendation = component.AddSecurityRecommendation ?? draft.AddSecurityRecommendation;
                    if (example?.BodyText?.FirstOrDefault() is { } row)
                    {
                        var ordered = TemplateContent.VariablesOf(draft.Body).OrderBy(PositionOf).ToList();
                        for (var i = 0; i < ordered.Count && i < row.Count; i++)
                        {
                            draft.BodyExamples[ordered[i]] = row[i] ?? "";
                        }
                    }

                    foreach (var named in example?.BodyTextNamedParams?.OfType<TemplateNamedParameter>() ?? [])
                    {
                        if (named.ParamName is { } name)
                        {
                            draft.BodyExamples[name] = named.Example ?? "";
                        }
                    }

                    break;
                case "FOOTER":
                    draft.Footer = component.Text ?? "";
                    draft.CodeExpirationMinutes = component.CodeExpirationMinutes ?? (draft.IsAuthentication ? null : draft.CodeExpirationMinutes);
                    break;
                case "BUTTONS":
                    foreach (var button in component.Buttons?.OfType<TemplateComponentButton>() ?? [])
                    {
                        if (button.Type?.ToUpperInvariant() == "OTP")
                        {
                            draft.OtpButtonText = button.Text ?? draft.OtpButtonText;
                        }
                        else
                        {
                            draft.Buttons.Add(TemplateButtonDraft.From(button));
                        }
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

    private IReadOnlyList<TemplateComponent> ToComponents()
    {
        if (IsAuthentication)
        {
            List<TemplateComponent> authentication = [TemplateComponent.AuthenticationBody(AddSecurityRecommendation)];
            if (CodeExpirationMinutes is { } minutes)
            {
                authentication.Add(TemplateComponent.ExpirationFooter(minutes));
            }

            authentication.Add(TemplateComponent.ButtonsOf([TemplateComponentButton.Otp("COPY_CODE", OtpButtonText.Trim())]));
            return authentication;
        }

        var components = new List<TemplateComponent>();
        if (HeaderKind == TemplateHeaderKind.Text)
        {
            components.Add(TemplateComponent.TextHeader(HeaderText.Trim(), HeaderVariables is [var variable] ? HeaderExampleFor(variable) : null));
        }
        else if (HeaderKind != TemplateHeaderKind.None)
        {
            components.Add(TemplateComponent.MediaHeader(HeaderKind.ToString().ToUpperInvariant(), HeaderHandle ?? ""));
        }

        components.Add(TemplateComponent.Body(Body.Trim(), BodyVariables.Count > 0 ? BodyExample() : null));
        if (!string.IsNullOrWhiteSpace(Footer))
        {
            components.Add(TemplateComponent.Footer(Footer.Trim()));
        }

        if (Buttons.Count > 0)
        {
            components.Add(TemplateComponent.ButtonsOf(Buttons.Select(b => b.ToComponentButton()).ToList()));
        }

        return components;
    }

    private static int PositionOf(string variable) => int.TryParse(variable, out var n) ? n : int.MaxValue;

    private TemplateComponentExample HeaderExampleFor(string variable) => IsNamed
        ? new TemplateComponentExample(HeaderTextNamedParams: [new TemplateNamedParameter(variable, HeaderExample.Trim())])
        : new TemplateComponentExample(HeaderText: [HeaderExample.Trim()]);

    private TemplateComponentExample BodyExample() => IsNamed
        ? new TemplateComponentExample(BodyTextNamedParams: BodyVariables.Select(v => new TemplateNamedParameter(v, ExampleOf(v).Trim())).ToList())
        : new TemplateComponentExample(BodyText: [BodyVariables.OrderBy(PositionOf).Select(v => ExampleOf(v).Trim()).ToList()]);
}
