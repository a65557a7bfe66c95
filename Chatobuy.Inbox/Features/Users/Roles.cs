namespace Chatobuy.Inbox.Features.Users;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Agent = "Agent";

    public static readonly IReadOnlyList<string> All = [Admin, Agent];
}
