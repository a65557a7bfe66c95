namespace Chatobuy.Inbox.Features.Contacts;

/// <summary>A conversation started with a template: where it is and the template message queued in it.</summary>
public sealed record StartResult(long? ConversationId, long? MessageId, string? Error)
{
    public bool Succeeded => Error is null;
}
