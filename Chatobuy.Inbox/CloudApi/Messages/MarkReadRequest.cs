namespace Chatobuy.Inbox.CloudApi.Messages;

/// <summary>
/// Reference §3.6: marks the inbound message <see cref="MessageId"/> (and those before it) read, and shows the typing
/// indicator when <see cref="TypingIndicator"/> is set.
/// </summary>
public sealed record MarkReadRequest
{
    public string MessagingProduct { get; init; } = "whatsapp";

    public string Status { get; init; } = "read";

    public required string MessageId { get; init; }

    public TypingIndicator? TypingIndicator { get; init; }

    public static MarkReadRequest For(string inboundWaMessageId, bool showTyping) =>
        new() { MessageId = inboundWaMessageId, TypingIndicator = showTyping ? TypingIndicator.Text : null };
}
