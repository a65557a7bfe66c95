namespace Chatobuy.Inbox.Features.Orders;

/// <summary>An order an agent or an integration puts together for a conversation's customer.</summary>
public sealed class NewOrder
{
    public long ConversationId { get; set; }

    /// <summary>ISO 4217; empty takes the channel's payment currency.</summary>
    public string? Currency { get; set; }

    public string? Note { get; set; }

    public List<NewOrderLine> Items { get; set; } = [];
}
