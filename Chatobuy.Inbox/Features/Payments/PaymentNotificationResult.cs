namespace Chatobuy.Inbox.Features.Payments;

/// <summary>What became of a partner's notification.</summary>
public enum PaymentNotificationResult
{
    /// <summary>Verified, and the order moved (its message was queued when the channel has one).</summary>
    Applied,

    /// <summary>Verified, but nothing to do: a repeat, an event the inbox does not use, an older link, or an order it does not know.</summary>
    Ignored,

    /// <summary>The signature did not verify with the channel's secret (or it is too old): the partner's sender must be fixed.</summary>
    BadSignature,

    /// <summary>The channel has no payment settings for this partner.</summary>
    UnknownChannel,
}
