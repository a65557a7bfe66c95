namespace Chatobuy.Inbox.Features.Channels;

public sealed record FetchNumbersResult(IReadOnlyList<AccountOption> Accounts, string? Error)
{
    public static FetchNumbersResult Fail(string error) => new([], error);
}
