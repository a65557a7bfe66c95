using System.Text.RegularExpressions;
using Chatobuy.Inbox.CloudApi.Templates;

namespace Chatobuy.Inbox.Features.Templates;

/// <summary>
/// What a template says, read from Meta's <c>components</c> array (reference §5.1–5.2): an optional header, the
/// body, an optional footer and the buttons, with the variables each text holds. Unknown component types are kept
/// out of the way rather than failing the whole template.
/// </summary>
public sealed partial record TemplateContent(
    TemplateHeader? Header,
    string Body,
    string? Footer,
    IReadOnlyList<TemplateButton> Buttons,
    string ParameterFormat)
{
    public const string Positional = "POSITIONAL";
    public const string Named = "NAMED";

    public static readonly TemplateContent Empty = new(null, "", null, [], Positional);

    /// <summary>The variables of the header text, in order of first appearance ("1", "2" or names).</summary>
    public IReadOnlyList<string> HeaderVariables => Header is { Format: "TEXT", Text: { } text } ? VariablesOf(text) : [];

    /// <summary>The variables of the body, in order of first appearance.</summary>
    public IReadOnlyList<string> BodyVariables => VariablesOf(Body);

    /// <summary>True when the header needs a file or a link when sending (image, video or document).</summary>
    public bool HasMediaHeader => Header?.Format is "IMAGE" or "VIDEO" or "DOCUMENT";

    /// <summary>The variable names in <paramref name="text"/> (without braces), each once, in order.</summary>
    public static IReadOnlyList<string> VariablesOf(string? text) =>
        string.IsNullOrEmpty(text)
            ? []
            : VariablePattern().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Replaces each <c>{{name}}</c> with its value; a variable without a value stays as it is.</summary>
    public static string Render(string text, IReadOnlyDictionary<string, string> values) =>
        VariablePattern().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) && !string.IsNullOrEmpty(value) ? value : m.Value);

    public static TemplateContent Parse(string? componentsJson, string? parameterFormat = null)
    {
        var format = string.Equals(parameterFormat, Named, StringComparison.OrdinalIgnoreCase) ? Named : Positional;
        TemplateHeader? header = null;
        var body = "";
        string? footer = null;
        var buttons = new List<TemplateButton>();
        foreach (var component in TemplateComponents.Parse(componentsJson))
        {
            switch (component.Type.ToUpperInvariant())
            {
                case "HEADER":
                    header = new TemplateHeader((component.Format ?? "TEXT").ToUpperInvariant(), component.Text);
                    break;
                case "BODY":
                    body = component.Text ?? "";
                    break;
                case "FOOTER":
                    footer = component.Text;
                    break;
                case "BUTTONS":
                    buttons.AddRange((component.Buttons?.OfType<TemplateComponentButton>() ?? []).Select(b => new TemplateButton(
                        (b.Type ?? "").ToUpperInvariant(),
                        b.Text ?? "",
                        b.Url,
                        b.PhoneNumber)));
                    break;
            }
        }

        return new TemplateContent(header, body, footer, buttons, format);
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")]
    private static partial Regex VariablePattern();
}
