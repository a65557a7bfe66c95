namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>
/// A phone number's commerce settings (commerce reference §2): the cart on or off, the catalog (storefront icon and
/// catalog buttons) shown or hidden. Meta's defaults are cart enabled and catalog hidden.
/// </summary>
public sealed record SandboxCommerceSettings(bool IsCartEnabled, bool IsCatalogVisible)
{
    public static readonly SandboxCommerceSettings Default = new(true, false);
}
