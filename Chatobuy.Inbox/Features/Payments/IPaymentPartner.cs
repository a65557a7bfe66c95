namespace Chatobuy.Inbox.Features.Payments;

/// <summary>
/// A payment partner: makes the link a customer pays an order on. Partners that notify (Stripe, Yedpay) also verify their
/// signed notifications; the Custom link partner has none, and its orders are marked paid by an agent or the API.
/// </summary>
public interface IPaymentPartner
{
    PaymentPartnerKind Kind { get; }

    /// <summary>Creates a link for the order; a refusal carries the partner's reason in plain words.</summary>
    Task<PaymentLinkResult> CreateLinkAsync(PaymentLinkRequest request, CancellationToken cancellationToken);
}
