using Chatobuy.Inbox.Features.Payments;

namespace Chatobuy.Inbox.Features.Orders;

/// <summary>A conversation's channel and who makes its payment links (<see cref="PaymentPartnerKind.None"/>: nobody yet).</summary>
public sealed record PaymentSetup(string ChannelId, PaymentPartnerKind Partner)
{
    /// <summary>Store Settings of the channel, where an Admin chooses the partner.</summary>
    public string StoreSettingsHref => $"/channels/{ChannelId}/store";
}
