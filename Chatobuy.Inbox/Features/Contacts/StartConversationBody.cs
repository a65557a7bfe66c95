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
