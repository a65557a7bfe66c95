using System.Globalization;
using Chatobuy.Inbox.Features.Outbound;

namespace Chatobuy.Inbox.Features.Templates.Sending;

/// <summary>
/// What an agent fills in to send one template: a value per variable (header text, body), the header file or link when
/// the header is an image, video or document, and the suffix of each URL button that ends in a variable.
/// </summary>
public sealed class TemplateSendModel
{
    private TemplateSendModel(TemplateOption template, IReadOnlyList<TemplateField> fields)
    {
        Template = template;
        Fields = fields;
    }

    public TemplateOption Template { get; }

    public IReadOnlyList<TemplateField> Fields { get; }

    /// <summary>An https link Meta fetches the header media from (or use <see cref="HeaderFile"/>).</summary>
    public string? HeaderMediaLink { get; set; }

    /// <summary>A header file to upload and send by media id (or use <see cref="HeaderMediaLink"/>).</summary>
    public OutboundMedia? HeaderFile { get; set; }

    /// <summary>image, video or document when the header is media; else null.</summary>
    public string? HeaderMediaKind => Template.Content.HasMediaHeader ? Template.Content.Header!.Format.ToLowerInvariant() : null;

    public static TemplateSendModel For(TemplateOption template)
    {
        var content = template.Content;
        var fields = new List<TemplateField>();
        fields.AddRange(Ordered(content.HeaderVariables, content.ParameterFormat).Select(v => new TemplateField(TemplateFieldPart.Header, v)));
        fields.AddRange(Ordered(content.BodyVariables, content.ParameterFormat).Select(v => new TemplateField(TemplateFieldPart.Body, v)));
        for (var i = 0; i < content.Buttons.Count; i++)
        {
            if (content.Buttons[i].HasUrlVariable)
            {
                fields.Add(new TemplateField(TemplateFieldPart.UrlButton, TemplateContent.VariablesOf(content.Buttons[i].Url)[0], i));
            }
        }

        return new TemplateSendModel(template, fields);
    }

    /// <summary>The values of one part by variable name (empty values left out, so they show as <c>{{n}}</c>).</summary>
    public IReadOnlyDictionary<string, string> ValuesOf(TemplateFieldPart part) =>
        Fields.Where(f => f.Part == part && f.Value.Length > 0).ToDictionary(f => f.Variable, f => f.Value, StringComparer.Ordinal);

    /// <summary>Sets values in order: positional body values from a simple list (the integration API's shortcut).</summary>
    public void Fill(TemplateFieldPart part, IReadOnlyList<string> values)
    {
        var fields = Fields.Where(f => f.Part == part).ToList();
        for (var i = 0; i < fields.Count && i < values.Count; i++)
        {
            fields[i].Value = values[i];
        }
    }

    /// <summary>Positional variables go in number order ({{1}}, {{2}}…), as Meta reads the parameters; named ones as written.</summary>
    private static IEnumerable<string> Ordered(IReadOnlyList<string> variables, string format) =>
        format == TemplateContent.Positional
            ? variables.OrderBy(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue).ThenBy(v => v, StringComparer.Ordinal)
            : variables;
}
