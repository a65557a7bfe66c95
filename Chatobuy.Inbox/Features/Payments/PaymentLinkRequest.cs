using Chatobuy.Inbox.Features.Orders;

namespace Chatobuy.Inbox.Features.Payments;

/// <summary>
/// What a partner needs to make a link: the order (with its items), the channel's settings, the decrypted credentials of
/// the current mode (the partner's own field names), and the address this inbox is reached on, for the partner's
/// notifications and the page the customer returns to.
/// </summary>
public sealed record PaymentLinkRequest(
    Order Order,
    PaymentSettings Settings,
    IReadOnlyDictionary<string, string> Credentials,
    string PublicBaseUrl);
