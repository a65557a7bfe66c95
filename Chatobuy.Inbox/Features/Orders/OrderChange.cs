namespace Chatobuy.Inbox.Features.Orders;

/// <summary>One step in an order's history: which status it moved to, when, and who or what moved it.</summary>
public sealed class OrderChange
{
    public long Id { get; set; }

    public long OrderId { get; set; }

    /// <summary>Null for the order's creation.</summary>
    public OrderStatus? From { get; set; }

    public OrderStatus To { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Who moved it, as shown to agents: "Customer", an agent's name, "Stripe", "Yedpay", "API key …".</summary>
    public string Actor { get; set; } = "";

    /// <summary>Why, when there is more to say (the partner's reference, a failure reason).</summary>
    public string? Detail { get; set; }
}
