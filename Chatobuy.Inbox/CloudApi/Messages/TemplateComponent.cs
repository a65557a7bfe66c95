namespace Chatobuy.Inbox.CloudApi.Messages;

/// <summary>
/// Reference §3.5: the values for one part of a template: <c>header</c>, <c>body</c>, or a <c>button</c> (with its
/// <see cref="SubType"/> and its position among the template's buttons, <see cref="Index"/>, a string).
/// </summary>
public sealed record TemplateComponent(string Type, string? SubType, string? Index, IReadOnlyList<TemplateParameter> Parameters)
{
    public static TemplateComponent Header(IReadOnlyList<TemplateParameter> parameters) => new("header", null, null, parameters);

    public static TemplateComponent Body(IReadOnlyList<TemplateParameter> parameters) => new("body", null, null, parameters);

    /// <summary>The variable ending of a URL button's link.</summary>
    public static TemplateComponent UrlButton(int index, string suffix) =>
        new("button", "url", index.ToString(System.Globalization.CultureInfo.InvariantCulture), [TemplateParameter.ForText(suffix)]);
}
