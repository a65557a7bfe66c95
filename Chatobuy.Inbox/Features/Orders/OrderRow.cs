namespace Chatobuy.Inbox.Features.Orders;

/// <summary>An order as lists show it: number, customer, channel, how many items, total and status.</summary>
public sealed record OrderRow(
    long Id,
    string Number,
    string ChannelId,
    string ChannelTitle,
    long ContactId,
    string ContactWaId,
    string? ContactName,
    long? ConversationId,
    long? SourceMessageId,
    int ItemCount,
    decimal Total,
    string Currency,
    string TotalText,
    OrderStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public string CustomerName => string.IsNullOrWhiteSpace(ContactName) ? "+" + ContactWaId : ContactName;
}
