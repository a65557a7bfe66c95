namespace Chatobuy.Inbox.Features.Users;

public sealed record UserCommandResult(bool Succeeded, string? Error = null)
{
    public static readonly UserCommandResult Ok = new(true);

    public static UserCommandResult Fail(string error) => new(false, error);
}
