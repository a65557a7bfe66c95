namespace Chatobuy.Inbox.Features.Users;

public static class Policies
{
    public const string Admin = "Admin";
}
