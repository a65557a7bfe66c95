namespace Chatobuy.Inbox.Features.Channels;

/// <summary>What took a channel offline; it decides what brings it back.</summary>
public enum DisconnectCause
{
    /// <summary>Meta answered 190: the access token expired or was revoked. Replacing the token (or a passing check) fixes it.</summary>
    Token,

    /// <summary>An <c>account_update</c> webhook reported a ban, a restriction or a deregistration of the account.</summary>
    Account,

    /// <summary>The phone number's status is no longer CONNECTED.</summary>
    Number,

    /// <summary>The app is no longer subscribed to the WhatsApp Business Account: no webhooks come.</summary>
    Subscription,

    /// <summary>Customers are being written to, yet no signed webhook has come for too long.</summary>
    Silence,

    /// <summary>The scheduled check could not complete for another reason Meta gave.</summary>
    Check,
}
