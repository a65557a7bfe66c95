namespace Chatobuy.Inbox.Sandbox.Delivery;

/// <summary>Whether an update goes in a change's <c>messages</c> (with <c>contacts</c>) or its <c>statuses</c>.</summary>
public enum SandboxUpdateKind
{
    Message,
    Status,

    /// <summary>
    /// An account-level change (reference §7.5: template status, quality, category): <c>PhoneNumberId</c> holds the
    /// WABA id, <c>Item</c> the change's <c>value</c>, <see cref="SandboxWebhookUpdate.Field"/> its field.
    /// </summary>
    Account,
}
