using System.Text.Json.Serialization;

namespace Chatobuy.Inbox.Features.Api;

/// <summary>
/// <c>POST /api/v1/conversations</c>: start (or continue) a conversation with <see cref="To"/> by sending a template.
/// <see cref="Parameters"/> is a shortcut for the body's positional values.
/// </summary>
public sealed record StartConversationBody(
    [property: JsonPropertyName("to")] string? To,
    [property: JsonPropertyName("channel_id")] string? ChannelId,
    [property: JsonPropertyName("template")] TemplateBody? Template,
    [property: JsonPropertyName("parameters")] IReadOnlyList<string>? Parameters,
    [property: JsonPropertyName("client_message_id")] string? ClientMessageId);

/// <summary>
/// The template to send: its name and language, the header and body values (positional, in order; or
/// <see cref="NamedParameters"/> for a template with named variables), the URL-button suffixes in button order, and
/// the https link of a media header.
/// </summary>
public sealed record TemplateBody(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("language")] string? Language,
    [property: JsonPropertyName("header_parameters")] IReadOnlyList<string>? HeaderParameters,
    [property: JsonPropertyName("body_parameters")] IReadOnlyList<string>? BodyParameters,
    [property: JsonPropertyName("named_parameters")] IReadOnlyDictionary<string, string>? NamedParameters,
    [property: JsonPropertyName("button_parameters")] IReadOnlyList<string>? ButtonParameters,
    [property: JsonPropertyName("header_media_link")] string? HeaderMediaLink);

/// <summary>The conversation the template went into, and the queued message (follow it at <c>/api/v1/messages/{id}</c>).</summary>
public sealed record ConversationStartedDto(
    [property: JsonPropertyName("conversation_id")] long ConversationId,
    [property: JsonPropertyName("message_id")] long MessageId,
    [property: JsonPropertyName("contact_id")] long ContactId,
    [property: JsonPropertyName("channel_id")] string ChannelId,
    [property: JsonPropertyName("status")] string Status);
