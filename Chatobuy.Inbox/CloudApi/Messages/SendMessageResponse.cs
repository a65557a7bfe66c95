namespace Chatobuy.Inbox.CloudApi.Messages;

/// <summary>Reference §3.2: a 200 means "accepted", not "delivered"; statuses follow by webhook.</summary>
public sealed record SendMessageResponse(
    string? MessagingProduct,
    IReadOnlyList<SentContact>? Contacts,
    IReadOnlyList<SentMessage>? Messages);
