namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>How a WhatsApp Business Account relates to the Sandbox business.</summary>
public enum SandboxOwnership
{
    /// <summary>Listed under <c>owned_whatsapp_business_accounts</c>.</summary>
    Owned,

    /// <summary>Shared with the business; listed under <c>client_whatsapp_business_accounts</c>.</summary>
    Client,
}
