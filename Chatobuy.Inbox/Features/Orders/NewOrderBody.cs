namespace Chatobuy.Inbox.Features.Orders;

/// <summary>
/// <c>POST /api/v1/orders</c>: the conversation whose customer orders (or the channel and the customer's WhatsApp
/// number, for the latest conversation between them), the products and, optionally, the currency and a note.
/// </summary>
public sealed record NewOrderBody(long? ConversationId, string? ChannelId, string? WaId, string? Currency, string? Note, IReadOnlyList<NewOrderItemBody>? Items);
