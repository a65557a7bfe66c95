using Chatobuy.Inbox.CloudApi.Templates;

namespace Chatobuy.Inbox.Features.Templates;

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

    /// <summary>The button as Meta takes it (reference §5.2).</summary>
    public TemplateComponentButton ToComponentButton() => Kind switch
    {
        TemplateButtonKind.Url => TemplateComponentButton.Link(Text.Trim(), Url.Trim(), UrlHasVariable ? UrlExample.Trim() : null),
        TemplateButtonKind.PhoneNumber => TemplateComponentButton.Call(Text.Trim(), PhoneNumber.Replace(" ", "", StringComparison.Ordinal).Trim()),
        TemplateButtonKind.CopyCode => TemplateComponentButton.CopyCode(Text.Trim(), CodeExample.Trim()),
        _ => TemplateComponentButton.QuickReply(Text.Trim()),
    };

    /// <summary>A stored button, for editing; a type the form doesn't offer becomes a quick reply.</summary>
    public static TemplateButtonDraft From(TemplateComponentButton button)
    {
        var kind = button.Type?.ToUpperInvariant() switch
        {
            "URL" => TemplateButtonKind.Url,
            "PHONE_NUMBER" => TemplateButtonKind.PhoneNumber,
            "COPY_CODE" => TemplateButtonKind.CopyCode,
            _ => TemplateButtonKind.QuickReply,
        };
        return new TemplateButtonDraft
        {
            Kind = kind,
            Text = button.Text ?? "",
            Url = button.Url ?? "",
            UrlExample = kind == TemplateButtonKind.Url ? button.Example?.First ?? "" : "",
            PhoneNumber = button.PhoneNumber ?? "",
            CodeExample = kind == TemplateButtonKind.CopyCode ? button.Example?.First ?? "" : "",
        };
    }
}
