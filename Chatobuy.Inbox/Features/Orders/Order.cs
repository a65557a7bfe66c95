using System.Globalization;

namespace Chatobuy.Inbox.Features.Orders;

/// <summary>
/// An order of one customer on one channel: the cart they sent from a product message or the catalog, or one an agent
/// or the API put together. Its status only moves along <see cref="CanMove"/>, and every move is kept in
/// <see cref="Changes"/> with its time and actor.
/// </summary>
public sealed class Order
{
    /// <summary>Order numbers start here, so the first order a shop sees is #1001.</summary>
    public const long NumberOffset = 1000;

    public long Id { get; set; }

    /// <summary>What the customer and the agents call the order ("1001").</summary>
    public string Number => (Id + NumberOffset).ToString(CultureInfo.InvariantCulture);

    public string ChannelId { get; set; } = "";

    public long ContactId { get; set; }

    public long? ConversationId { get; set; }

    /// <summary>The customer's <c>order</c> message this order came from; unique, so a cart makes one order however often it is seen.</summary>
    public long? SourceMessageId { get; set; }

    /// <summary>The catalog the products are from (Meta's <c>catalog_id</c>), when known.</summary>
    public string? CatalogId { get; set; }

    /// <summary>ISO 4217 code of every item and the total.</summary>
    public string Currency { get; set; } = "";

    /// <summary>The text the customer sent with the cart.</summary>
    public string? Note { get; set; }

    public OrderStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The partner that made the current payment link (<see cref="Payments.PaymentPartnerKind"/> name).</summary>
    public string? PaymentPartner { get; set; }

    /// <summary>The partner's id for the current link (a Checkout Session id, a Yedpay transaction id, …).</summary>
    public string? PaymentReference { get; set; }

    /// <summary>The link the customer pays on.</summary>
    public string? PaymentLinkUrl { get; set; }

    public DateTimeOffset? PaymentLinkCreatedAt { get; set; }

    /// <summary>When the "Payment Default" reminder was sent for the current link (at most once per link).</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }

    public List<OrderItem> Items { get; set; } = [];

    public List<OrderChange> Changes { get; set; } = [];

    public decimal Total => Items.Sum(i => i.Subtotal);

    /// <summary>"HKD 123.50": the total as agents and customers read it.</summary>
    public string TotalText => FormatAmount(Total, Currency);

    /// <summary>Whether the status may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMove(OrderStatus from, OrderStatus to) => (from, to) switch
    {
        (OrderStatus.PendingPayment, OrderStatus.Paid or OrderStatus.Failed or OrderStatus.Expired or OrderStatus.Cancelled) => true,
        (OrderStatus.Failed, OrderStatus.PendingPayment or OrderStatus.Paid or OrderStatus.Cancelled) => true,
        (OrderStatus.Expired, OrderStatus.PendingPayment or OrderStatus.Cancelled) => true,
        (OrderStatus.Paid, OrderStatus.Fulfilled) => true,
        _ => false,
    };

    /// <summary>Records the order's creation (its first change) with status <see cref="OrderStatus.PendingPayment"/>.</summary>
    public void Open(string actor, DateTimeOffset at, string? detail = null)
    {
        Status = OrderStatus.PendingPayment;
        CreatedAt = at;
        UpdatedAt = at;
        Changes.Add(new OrderChange { From = null, To = Status, At = at, Actor = actor, Detail = detail });
    }

    /// <summary>
    /// Moves the order to <paramref name="to"/> and records it; false (and nothing changes) when the move is not allowed,
    /// including a move to the status it already has (a partner notifying twice changes nothing the second time).
    /// </summary>
    public bool MoveTo(OrderStatus to, string actor, DateTimeOffset at, string? detail = null)
    {
        if (!CanMove(Status, to))
        {
            return false;
        }

        Changes.Add(new OrderChange { From = Status, To = to, At = at, Actor = actor, Detail = detail });
        Status = to;
        UpdatedAt = at;
        return true;
    }

    /// <summary>"HKD 123.50"; zero-decimal currencies (JPY, KRW, …) without decimals.</summary>
    public static string FormatAmount(decimal amount, string currency) =>
        ZeroDecimalCurrencies.Contains(currency)
            ? $"{currency} {amount.ToString("#,0", CultureInfo.InvariantCulture)}"
            : $"{currency} {amount.ToString("#,0.00", CultureInfo.InvariantCulture)}";

    /// <summary>Currencies without minor units (commerce reference §5.6).</summary>
    public static readonly IReadOnlySet<string> ZeroDecimalCurrencies = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
    };
}
