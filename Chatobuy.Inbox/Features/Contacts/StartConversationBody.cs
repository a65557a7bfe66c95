namespace Chatobuy.Inbox.Features.Contacts;

/// <summary>
/// <c>POST /api/v1/conversations</c>: start (or continue) a conversation with <see cref="To"/> by sending a template.
/// <see cref="Parameters"/> is a shortcut for the body's positional values.
/// </summary>
public sealed record StartConversationBody(
    string? To = null,
    string? ChannelId = null,
    TemplateBody? Template = null,
    IReadOnlyList<string>? Parameters = null,
    string? ClientMessageId = null);

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

/// <summary>The conversation the template went into, and the queued message (follow it at <c>/api/v1/messages/{id}</c>).</summary>
public sealed record ConversationStartedDto(
    long ConversationId,
    long MessageId,
    long ContactId,
    string ChannelId,
    string Status);
