namespace Chatobuy.Inbox.CloudApi.Templates;

/// <summary>
/// One entry of a template's <c>components</c> (reference §5.1–5.2). A create or edit request and Meta's answer to a
/// GET share this shape, so the stored array is read back into it too. <see cref="Type"/> is HEADER, BODY, FOOTER or
/// BUTTONS (or a kind the inbox doesn't write, such as CAROUSEL, whose other fields are left unread).
/// </summary>
public sealed record TemplateComponent(
    string Type,
    string? Format = null,
    string? Text = null,
    bool? AddSecurityRecommendation = null,
    int? CodeExpirationMinutes = null,
    TemplateComponentExample? Example = null,
    IReadOnlyList<TemplateComponentButton>? Buttons = null)
{
    /// <summary>A TEXT header; <paramref name="example"/> is required when the text holds its one variable.</summary>
    public static TemplateComponent TextHeader(string text, TemplateComponentExample? example = null) =>
        new("HEADER", "TEXT", text, Example: example);

    /// <summary>
    /// An IMAGE, VIDEO or DOCUMENT header: its example is the Resumable Upload handle of a sample file, not a media id.
    /// </summary>
    public static TemplateComponent MediaHeader(string format, string handle) =>
        new("HEADER", format, Example: new TemplateComponentExample(HeaderHandle: [handle]));

    public static TemplateComponent Body(string text, TemplateComponentExample? example = null) =>
        new("BODY", Text: text, Example: example);

    /// <summary>An authentication template's body: WhatsApp writes the text itself.</summary>
    public static TemplateComponent AuthenticationBody(bool addSecurityRecommendation) =>
        new("BODY", AddSecurityRecommendation: addSecurityRecommendation);

    public static TemplateComponent Footer(string text) => new("FOOTER", Text: text);

    /// <summary>An authentication template's footer: "This code expires in N minutes.", written by WhatsApp.</summary>
    public static TemplateComponent ExpirationFooter(int minutes) => new("FOOTER", CodeExpirationMinutes: minutes);

    public static TemplateComponent ButtonsOf(IReadOnlyList<TemplateComponentButton> buttons) => new("BUTTONS", Buttons: buttons);
}
