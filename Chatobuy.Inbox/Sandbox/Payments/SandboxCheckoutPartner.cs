namespace Chatobuy.Inbox.Sandbox.Payments;

/// <summary>Which emulated partner a checkout belongs to.</summary>
public enum SandboxCheckoutPartner
{
    Stripe,
    Yedpay,
}
