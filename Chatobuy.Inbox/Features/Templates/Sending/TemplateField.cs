using System.Globalization;

namespace Chatobuy.Inbox.Features.Templates.Sending;

/// <summary>One value the agent fills in: a header or body variable, or a URL button's suffix.</summary>
public sealed class TemplateField(TemplateFieldPart part, string variable, int buttonIndex = -1)
{
    public TemplateFieldPart Part { get; } = part;

    /// <summary>The variable's name as the template writes it: "1", "2"… or a name like "first_name".</summary>
    public string Variable { get; } = variable;

    /// <summary>For a URL button: its position among the template's buttons (Meta's <c>index</c>).</summary>
    public int ButtonIndex { get; } = buttonIndex;

    public string Value { get; set; } = "";

    public string Label => Part switch
    {
        TemplateFieldPart.Header => $"Header {{{{{Variable}}}}}",
        TemplateFieldPart.Body => $"Body {{{{{Variable}}}}}",
        _ => "Link ending",
    };

    /// <summary>Stable key for validation messages and test ids: header-1, body-first_name, button-0.</summary>
    public string Key => Part switch
    {
        TemplateFieldPart.Header => $"header-{Variable}",
        TemplateFieldPart.Body => $"body-{Variable}",
        _ => $"button-{ButtonIndex.ToString(CultureInfo.InvariantCulture)}",
    };
}
