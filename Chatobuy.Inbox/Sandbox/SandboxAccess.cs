namespace Chatobuy.Inbox.Sandbox;

/// <summary>
/// Who may open the Sandbox's pages: the inbox's administrators. The Sandbox names the role itself, so it needs
/// nothing from the inbox's features (the Users feature gives its admins this same role name).
/// </summary>
public static class SandboxAccess
{
    public const string Role = "Admin";
}
