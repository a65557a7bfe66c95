using System.Globalization;
using System.Text.Json;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Orders;

/// <summary>
/// Turns the carts customers send (inbound <c>order</c> messages, commerce reference §4.1) into orders: one per message,
/// pending payment, opened by "Customer", its items named from the catalog. The message's id is the order's unique
/// <see cref="Order.SourceMessageId"/>, so a webhook delivered twice, a sweep and a second instance all end with one order.
/// </summary>
public sealed partial class OrderIntake(
    IDbContextFactory<InboxDbContext> dbFactory,
    OrderCatalog catalog,
    InboxEvents events,
    TimeProvider time,
    ILogger<OrderIntake> logger)
{
    /// <summary>Who opens an order that came from a cart.</summary>
    public const string CustomerActor = "Customer";

    private const int SweepBatch = 100;

    /// <summary>Creates the orders of those of <paramref name="messageIds"/> that are carts without one; returns how many it created.</summary>
    public async Task<int> TakeAsync(IReadOnlyCollection<long> messageIds, CancellationToken cancellationToken)
    {
        List<Message> carts;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            carts = await db.Messages.AsNoTracking()
                .Where(m => messageIds.Contains(m.Id) && m.Type == "order" && m.Direction == MessageDirection.Inbound)
                .Where(m => !db.Orders.Any(o => o.SourceMessageId == m.Id))
                .ToListAsync(cancellationToken);
        }

        var created = 0;
        foreach (var cart in carts)
        {
            if (await CreateAsync(cart, cancellationToken))
            {
                created++;
            }
        }

        return created;
    }

    /// <summary>
    /// Every cart stored without an order (the app stopped between the message's commit and its order): creates them,
    /// oldest first. Returns how many it created.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var created = 0;
        long after = 0;
        while (true)
        {
            List<long> ids;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                ids = await db.Messages.AsNoTracking()
                    .Where(m => m.Id > after && m.Type == "order" && m.Direction == MessageDirection.Inbound)
                    .Where(m => !db.Orders.Any(o => o.SourceMessageId == m.Id))
                    .OrderBy(m => m.Id)
                    .Select(m => m.Id)
                    .Take(SweepBatch)
                    .ToListAsync(cancellationToken);
            }

            if (ids.Count == 0)
            {
                break;
            }

            created += await TakeAsync(ids, cancellationToken);
            after = ids[^1];
        }

        if (created > 0)
        {
            LogSwept(created);
        }

        return created;
    }

    private async Task<bool> CreateAsync(Message cart, CancellationToken cancellationToken)
    {
        if (Read(cart.PayloadJson) is not { } read)
        {
            LogUnreadable(cart.Id);
            return false;
        }

        var names = read.CatalogId is { } catalogId
            ? await catalog.NamesAsync(cart.ChannelId, catalogId, read.Items.Select(i => i.RetailerId).ToList(), cancellationToken)
            : new Dictionary<string, string>();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var contactId = await db.Conversations.Where(c => c.Id == cart.ConversationId).Select(c => (long?)c.ContactId).FirstOrDefaultAsync(cancellationToken);
        if (contactId is null)
        {
            return false;
        }

        var currency = read.Items.Select(i => i.Currency).FirstOrDefault(c => c.Length == 3)
            ?? await db.PaymentSettings.Where(s => s.ChannelId == cart.ChannelId).Select(s => s.Currency).FirstOrDefaultAsync(cancellationToken)
            ?? "USD";
        var order = new Order
        {
            ChannelId = cart.ChannelId,
            ContactId = contactId.Value,
            ConversationId = cart.ConversationId,
            SourceMessageId = cart.Id,
            CatalogId = read.CatalogId,
            Currency = currency,
            Note = string.IsNullOrWhiteSpace(read.Text) ? null : read.Text,
            Items = read.Items.Select(i => new OrderItem
            {
                RetailerId = i.RetailerId,
                Name = names.GetValueOrDefault(i.RetailerId) ?? i.RetailerId,
                Quantity = i.Quantity,
                UnitPrice = i.UnitPrice,
                Currency = i.Currency.Length == 3 ? i.Currency : currency,
            }).ToList(),
        };
        order.Open(CustomerActor, time.GetUtcNow(), "Cart sent on WhatsApp");
        db.Orders.Add(order);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (await ExistsAsync(cart.Id, cancellationToken))
            {
                // Another pass (or instance) made it first: one order per cart.
                return false;
            }

            throw;
        }

        LogCreated(order.Id, cart.Id, order.Items.Count);
        events.Publish(new OrderChanged(order.ChannelId, order.Id, order.ConversationId, order.Status));
        return true;
    }

    private async Task<bool> ExistsAsync(long messageId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Orders.AnyAsync(o => o.SourceMessageId == messageId, cancellationToken);
    }

    /// <summary>The cart as stored (Meta's <c>order</c> object); null when it has no items to make an order of.</summary>
    public static Cart? Read(string? payloadJson)
    {
        if (string.IsNullOrEmpty(payloadJson))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(payloadJson);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("product_items", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var items = new List<CartItem>();
            foreach (var item in list.EnumerateArray())
            {
                if (WebhookPayload.String(item, "product_retailer_id") is not { Length: > 0 } retailerId)
                {
                    continue;
                }

                var quantity = Number(item, "quantity") is { } q ? (int)Math.Clamp(q, 0, int.MaxValue) : 1;
                if (quantity <= 0)
                {
                    continue;
                }

                items.Add(new CartItem(retailerId, quantity, Number(item, "item_price") ?? 0, (WebhookPayload.String(item, "currency") ?? "").ToUpperInvariant()));
            }

            return items.Count == 0 ? null : new Cart(WebhookPayload.String(root, "catalog_id"), WebhookPayload.String(root, "text"), items);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A number Meta wrote as a JSON number (or, leniently, as a string), read as a decimal.</summary>
    private static decimal? Number(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDecimal(out var number) => number,
            JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var text) => text,
            _ => null,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} created from cart message {MessageId} ({Items} items)")]
    private partial void LogCreated(long orderId, long messageId, int items);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cart message {MessageId} has no items an order can be made of; no order")]
    private partial void LogUnreadable(long messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "The start-up sweep created {Count} orders from carts stored without one")]
    private partial void LogSwept(int count);
}
