using System.Text.Json.Nodes;

namespace Chatobuy.Inbox.Sandbox.Payments;

/// <summary>
/// An emulated hosted checkout: a Stripe Checkout Session (<c>cs_test_…</c>) or a Yedpay online payment. Its page is
/// <c>/sandbox/pay/{id}</c>; Pay, Fail and Let it expire move it and send the partner's signed notification.
/// </summary>
public sealed class SandboxCheckout
{
    private readonly Lock _gate = new();
    private readonly List<string> _deliveries = [];

    public required string Id { get; init; }

    public required SandboxCheckoutPartner Partner { get; init; }

    /// <summary>Lower case for Stripe (<c>hkd</c>), upper case for Yedpay (<c>HKD</c>).</summary>
    public required string Currency { get; init; }

    /// <summary>How many minor units make one unit (1 for zero-decimal currencies).</summary>
    public required int MinorFactor { get; init; }

    public required IReadOnlyList<SandboxCheckoutLine> Lines { get; init; }

    public long AmountTotal => Lines.Sum(l => l.UnitAmount * l.Quantity);

    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    /// <summary>Stripe: <c>payment_intent_data[metadata]</c>, copied to the PaymentIntent.</summary>
    public IReadOnlyDictionary<string, string> PaymentIntentMetadata { get; init; } = new Dictionary<string, string>();

    public string? ClientReferenceId { get; init; }

    /// <summary>Stripe's <c>success_url</c> / Yedpay's <c>return_url</c>.</summary>
    public string? SuccessUrl { get; init; }

    public string? CancelUrl { get; init; }

    /// <summary>Where the signed notification goes: Yedpay's <c>notify_url</c>, or the Stripe endpoint of the channel in the metadata.</summary>
    public string? NotifyUrl { get; init; }

    /// <summary>Yedpay's <c>custom_id</c>.</summary>
    public string? CustomId { get; init; }

    /// <summary>Yedpay's <c>subject</c>, or the shop's name.</summary>
    public string? Subject { get; init; }

    /// <summary>The page the customer pays on (Stripe's <c>url</c>, Yedpay's <c>checkout_url</c>).</summary>
    public required string PageUrl { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Stripe: <c>open</c>, <c>complete</c>, <c>expired</c>. Yedpay: <c>pending</c>, <c>paid</c>, <c>failed</c>, <c>cancelled</c>.</summary>
    public string Status { get; set; } = "open";

    /// <summary>Stripe's <c>payment_status</c>: <c>unpaid</c> or <c>paid</c>.</summary>
    public string PaymentStatus { get; set; } = "unpaid";

    public string? PaymentIntentId { get; set; }

    public string? TransactionId { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    /// <summary>The last notification sent (Stripe: the event JSON; Yedpay: its fields), for Send again.</summary>
    public JsonObject? LastStripeEvent { get; set; }

    public IReadOnlyList<KeyValuePair<string, string>>? LastYedpayFields { get; set; }

    /// <summary>Whether the customer can still pay.</summary>
    public bool IsOpen => Status is "open" or "pending" or "failed";

    /// <summary>"checkout.session.completed → 200", newest last.</summary>
    public IReadOnlyList<string> Deliveries
    {
        get
        {
            lock (_gate)
            {
                return _deliveries.ToList();
            }
        }
    }

    public void RecordDelivery(string line)
    {
        lock (_gate)
        {
            _deliveries.Add(line);
        }
    }

    /// <summary>An amount in minor units as the page shows it ("HKD 241.00").</summary>
    public string Format(long minor) =>
        MinorFactor == 1
            ? $"{Currency.ToUpperInvariant()} {minor:#,0}"
            : $"{Currency.ToUpperInvariant()} {(decimal)minor / MinorFactor:#,0.00}";
}
