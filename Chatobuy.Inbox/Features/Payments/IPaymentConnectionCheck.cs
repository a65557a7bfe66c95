namespace Chatobuy.Inbox.Features.Payments;

/// <summary>A partner that can check a mode's credentials against its API (Store Settings → Payment → Test connection).</summary>
public interface IPaymentConnectionCheck
{
    PaymentPartnerKind Kind { get; }

    /// <summary>Checks <paramref name="credentials"/> (the partner's own field names) for the channel in the given mode.</summary>
    Task<PaymentConnectionResult> TestAsync(string channelId, bool liveMode, IReadOnlyDictionary<string, string> credentials, CancellationToken cancellationToken);
}
