namespace Chatobuy.Inbox.Features.Users;

/// <summary>What an Admin fills in to add a user.</summary>
public sealed class NewUserModel
{
    public string DisplayName { get; set; } = "";

    public string Email { get; set; } = "";

    public string Role { get; set; } = Roles.Agent;

    public string Password { get; set; } = "";
}
