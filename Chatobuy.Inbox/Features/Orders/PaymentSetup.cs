using Chatobuy.Inbox.Features.Payments;

namespace Chatobuy.Inbox.Features.Orders;

/// <summary>
/// A conversation's channel, who makes its payment links (<see cref="PaymentPartnerKind.None"/>: nobody yet) and when the
/// customer last wrote (the 24-hour window).
/// </summary>
public sealed record PaymentSetup(string ChannelId, PaymentPartnerKind Partner, DateTimeOffset? LastInboundAt = null)
{
    /// <summary>Store Settings of the channel, where an Admin chooses the partner.</summary>
    public string StoreSettingsHref => $"/channels/{ChannelId}/store";
}
