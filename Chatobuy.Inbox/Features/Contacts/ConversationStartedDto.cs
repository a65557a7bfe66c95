namespace Chatobuy.Inbox.Features.Contacts;

/// <summary>The conversation the template went into, and the queued message (follow it at <c>/api/v1/messages/{id}</c>).</summary>
public sealed record ConversationStartedDto(
    long ConversationId,
    long MessageId,
    long ContactId,
    string ChannelId,
    string Status);
