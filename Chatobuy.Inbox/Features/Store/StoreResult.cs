namespace Chatobuy.Inbox.Features.Store;

/// <summary>A Store Settings change at Meta: done, or why not in plain words with the next step.</summary>
public sealed record StoreResult(bool Succeeded, string? Error = null)
{
    public static readonly StoreResult Ok = new(true);
}
