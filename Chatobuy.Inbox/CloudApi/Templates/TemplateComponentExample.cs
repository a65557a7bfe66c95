namespace Chatobuy.Inbox.CloudApi.Templates;

/// <summary>
/// A header's or body's <c>example</c> (reference §5.2): what each variable could be, so Meta's review can read the
/// text as a customer would. Positional variables give values in order (<see cref="BodyText"/> is one row of them),
/// named variables give name and value; a media header gives the handle of an uploaded sample.
/// </summary>
public sealed record TemplateComponentExample(
    IReadOnlyList<string>? HeaderText = null,
    IReadOnlyList<TemplateNamedParameter>? HeaderTextNamedParams = null,
    IReadOnlyList<string>? HeaderHandle = null,
    IReadOnlyList<IReadOnlyList<string>>? BodyText = null,
    IReadOnlyList<TemplateNamedParameter>? BodyTextNamedParams = null);
