namespace Chatobuy.Inbox.Features.Users;

public enum SignInOutcome
{
    SignedIn,

    /// <summary>Unknown email, wrong password, or a locked account: one answer, so none of them tells which accounts exist.</summary>
    Refused,

    /// <summary>Said only to someone who gave the account's right password.</summary>
    Deactivated,
}
