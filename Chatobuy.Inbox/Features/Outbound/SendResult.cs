namespace Chatobuy.Inbox.Features.Outbound;

/// <summary>What came of a send request: the message id, or why not. <see cref="Conflict"/>: the client message id was already used for another message.</summary>
public sealed record SendResult(long? MessageId, string? Error, bool Conflict = false)
{
    public bool Succeeded => MessageId is not null && Error is null;

    public static SendResult Ok(long messageId) => new(messageId, null);

    public static SendResult Refused(string error) => new(null, error);

    public static SendResult Conflicting(string error) => new(null, error, true);
}
