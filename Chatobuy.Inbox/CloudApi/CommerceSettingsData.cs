namespace Chatobuy.Inbox.CloudApi;

/// <summary>
/// Commerce reference §2: a phone number's commerce settings. With the cart off, customers can browse but not send a
/// cart; with the catalog visible, WhatsApp shows the storefront icon and catalog buttons. Meta's defaults are cart on,
/// catalog hidden. <see cref="Id"/> is Meta's, its meaning undocumented.
/// </summary>
public sealed record CommerceSettingsData(bool IsCartEnabled, bool IsCatalogVisible, string? Id = null)
{
    /// <summary>What a number has before anyone changes it.</summary>
    public static readonly CommerceSettingsData Default = new(true, false);
}
