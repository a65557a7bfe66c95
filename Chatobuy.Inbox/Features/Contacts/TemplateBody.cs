namespace Chatobuy.Inbox.Features.Contacts;

/// <summary>
/// The template to send: its name and language, the header and body values (positional, in order; or
/// <see cref="NamedParameters"/> for a template with named variables), the URL-button suffixes in button order, and
/// the https link of a media header.
/// </summary>
public sealed record TemplateBody(
    string? Name = null,
    string? Language = null,
    IReadOnlyList<string>? HeaderParameters = null,
    IReadOnlyList<string>? BodyParameters = null,
    IReadOnlyDictionary<string, string>? NamedParameters = null,
    IReadOnlyList<string>? ButtonParameters = null,
    string? HeaderMediaLink = null);
