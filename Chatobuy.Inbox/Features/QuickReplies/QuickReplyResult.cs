namespace Chatobuy.Inbox.Features.QuickReplies;

/// <summary>A quick reply saved or deleted (its id), or why not, in plain words.</summary>
public sealed record QuickReplyResult(long? Id, string? Error)
{
    public bool Succeeded => Error is null;

    public static QuickReplyResult Ok(long id) => new(id, null);

    public static QuickReplyResult Refused(string error) => new(null, error);
}
