namespace Chatobuy.Inbox.CloudApi.Messages;

/// <summary>Reference §3.6: shown until the reply or for 25 seconds; <c>text</c> is the only type.</summary>
public sealed record TypingIndicator(string Type)
{
    public static TypingIndicator Text { get; } = new("text");
}
