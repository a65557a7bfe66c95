namespace Chatobuy.Inbox.Features.Orders;

/// <summary>An order as the integration API answers it; <see cref="Status"/> is its API name (<c>pending_payment</c>, <c>paid</c>, …).</summary>
public sealed record OrderDto(
    long Id,
    string Number,
    string ChannelId,
    long ContactId,
    string? ContactWaId,
    string? ContactName,
    long? ConversationId,
    long? SourceMessageId,
    string Status,
    string Currency,
    decimal Total,
    string TotalText,
    string? Note,
    string? PaymentPartner,
    string? PaymentLink,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<OrderItemDto>? Items,
    IReadOnlyList<OrderChangeDto>? History)
{
    public static OrderDto From(OrderRow row) => new(
        row.Id, row.Number, row.ChannelId, row.ContactId, row.ContactWaId, row.ContactName, row.ConversationId, row.SourceMessageId,
        OrderStatusText.ApiName(row.Status), row.Currency, row.Total, row.TotalText, null, null, null, row.CreatedAt, row.UpdatedAt, null, null);

    public static OrderDto From(Order order, string? contactWaId = null, string? contactName = null) => new(
        order.Id, order.Number, order.ChannelId, order.ContactId, contactWaId, contactName, order.ConversationId, order.SourceMessageId,
        OrderStatusText.ApiName(order.Status), order.Currency, order.Total, order.TotalText, order.Note, order.PaymentPartner, order.PaymentLinkUrl,
        order.CreatedAt, order.UpdatedAt,
        order.Items.OrderBy(i => i.Id).Select(i => new OrderItemDto(i.RetailerId, i.Name, i.Quantity, i.UnitPrice, i.Currency, i.Subtotal)).ToList(),
        order.Changes.OrderBy(c => c.At).ThenBy(c => c.Id)
            .Select(c => new OrderChangeDto(c.At, c.Actor, c.From is { } from ? OrderStatusText.ApiName(from) : null, OrderStatusText.ApiName(c.To), c.Detail))
            .ToList());
}
