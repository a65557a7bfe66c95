using System.Globalization;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Payments;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Orders;

/// <summary>
/// What people and integrations do to orders: the orders agents and integrations put together, and the moves people make (mark paid for custom-link orders, fulfil, cancel). Payment outcomes go through
/// <see cref="OrderPayments"/> only; every committed change is published as <see cref="OrderChanged"/>.
/// </summary>
public sealed partial class OrderService(
    IDbContextFactory<InboxDbContext> dbFactory,
    OrderCatalog catalog,
    OrderPayments payments,
    InboxEvents events,
    TimeProvider time,
    ILogger<OrderService> logger)
{
    public const string NotFoundMessage = "Order not found";
    public const string ConversationNotFound = "Conversation not found";

    private static readonly NewOrderValidator Validator = new();

    /// <summary>
    /// Creates an order for the conversation's customer, pending payment, opened by <paramref name="actor"/>. Products
    /// without a name take the catalog's, else their retailer id.
    /// </summary>
    public async Task<OrderCommandResult> CreateAsync(NewOrder request, string actor, CancellationToken cancellationToken)
    {
        var validation = await Validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            var fields = validation.Errors
                .GroupBy(e => e.PropertyName, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal);
            return OrderCommandResult.Invalid(validation.Errors[0].ErrorMessage, fields);
        }

        string channelId;
        long contactId;
        string currency;
        string? catalogId;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var conversation = await db.Conversations.AsNoTracking()
                .Where(c => c.Id == request.ConversationId)
                .Select(c => new { c.ChannelId, c.ContactId })
                .FirstOrDefaultAsync(cancellationToken);
            if (conversation is null)
            {
                return OrderCommandResult.Invalid(ConversationNotFound, new Dictionary<string, string[]> { [nameof(NewOrder.ConversationId)] = [ConversationNotFound] });
            }

            channelId = conversation.ChannelId;
            contactId = conversation.ContactId;
            currency = string.IsNullOrWhiteSpace(request.Currency)
                ? await db.PaymentSettings.Where(s => s.ChannelId == channelId).Select(s => s.Currency).FirstOrDefaultAsync(cancellationToken) ?? "USD"
                : request.Currency.Trim().ToUpperInvariant();

            // The catalog of the customer's latest cart, when there is one: the products most likely come from it.
            catalogId = await db.Orders.AsNoTracking()
                .Where(o => o.ChannelId == channelId && o.CatalogId != null)
                .OrderByDescending(o => o.Id)
                .Select(o => o.CatalogId)
                .FirstOrDefaultAsync(cancellationToken);
        }

        var unnamed = request.Items.Where(i => string.IsNullOrWhiteSpace(i.Name)).Select(i => i.RetailerId.Trim()).ToList();
        var names = unnamed.Count > 0 && catalogId is not null
            ? await catalog.NamesAsync(channelId, catalogId, unnamed, cancellationToken)
            : new Dictionary<string, string>();
        var order = new Order
        {
            ChannelId = channelId,
            ContactId = contactId,
            ConversationId = request.ConversationId,
            CatalogId = catalogId,
            Currency = currency,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            Items = request.Items.Select(i => new OrderItem
            {
                RetailerId = i.RetailerId.Trim(),
                Name = string.IsNullOrWhiteSpace(i.Name) ? names.GetValueOrDefault(i.RetailerId.Trim()) ?? i.RetailerId.Trim() : i.Name.Trim(),
                Quantity = i.Quantity,
                UnitPrice = i.UnitPrice,
                Currency = currency,
            }).ToList(),
        };
        order.Open(actor, time.GetUtcNow());
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.Orders.Add(order);
            await db.SaveChangesAsync(cancellationToken);
        }

        LogCreated(order.Id, order.Items.Count);
        events.Publish(new OrderChanged(order.ChannelId, order.Id, order.ConversationId, order.Status));
        return OrderCommandResult.Done(order);
    }

    /// <summary>
    /// Moves the order to <paramref name="to"/> for a person or an integration: <see cref="OrderStatus.Paid"/> only for
    /// orders no partner reports on (through <see cref="OrderPayments"/>, which sends the success message once),
    /// <see cref="OrderStatus.Fulfilled"/> and <see cref="OrderStatus.Cancelled"/> as the status machine allows.
    /// </summary>
    public async Task<OrderCommandResult> MoveAsync(long id, OrderStatus to, string actor, string? detail, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var order = await db.Orders.Include(o => o.Items).Include(o => o.Changes).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return OrderCommandResult.NotFound();
        }

        if (to is not (OrderStatus.Paid or OrderStatus.Fulfilled or OrderStatus.Cancelled))
        {
            return OrderCommandResult.Invalid($"An order can be marked \"{OrderStatusText.ApiName(OrderStatus.Paid)}\", \"{OrderStatusText.ApiName(OrderStatus.Fulfilled)}\" or \"{OrderStatusText.ApiName(OrderStatus.Cancelled)}\"; the payment partner reports the others.");
        }

        if (WhyNot(order, to) is { } refusal)
        {
            return OrderCommandResult.Refused(refusal);
        }

        detail = string.IsNullOrWhiteSpace(detail) ? null : detail.Trim();
        if (to == OrderStatus.Paid)
        {
            if (!PaidByHand(order, await OrderQueries.PartnerOfAsync(db, order.ChannelId, cancellationToken)))
            {
                return OrderCommandResult.Refused(
                    $"Order {order.Number} is paid through {PartnerName(order.PaymentPartner)}, which reports the payment itself; it cannot be marked paid by hand.");
            }

            if (!await payments.ApplyAsync(order.Id, PaymentOutcome.Paid, actor, detail ?? "Marked paid", cancellationToken))
            {
                return OrderCommandResult.Refused($"Order {order.Number} changed meanwhile; it was not marked paid.");
            }

            await using var reread = await dbFactory.CreateDbContextAsync(cancellationToken);
            var paid = await reread.Orders.AsNoTracking().Include(o => o.Items).Include(o => o.Changes).FirstAsync(o => o.Id == order.Id, cancellationToken);
            return OrderCommandResult.Done(paid);
        }

        order.MoveTo(to, actor, time.GetUtcNow(), detail);
        await db.SaveChangesAsync(cancellationToken);
        LogMoved(order.Id, to);
        events.Publish(new OrderChanged(order.ChannelId, order.Id, order.ConversationId, order.Status));
        return OrderCommandResult.Done(order);
    }

    /// <summary>Why the order cannot move to <paramref name="to"/>, in plain words; null when it can.</summary>
    public static string? WhyNot(Order order, OrderStatus to)
    {
        if (Order.CanMove(order.Status, to))
        {
            return null;
        }

        var now = OrderStatusText.Of(order.Status).ToLowerInvariant();
        return (order.Status, to) switch
        {
            _ when order.Status == to => $"Order {order.Number} is already {now}.",
            (_, OrderStatus.Fulfilled) => $"Order {order.Number} is {now}: only a paid order can be marked fulfilled.",
            (OrderStatus.Paid, OrderStatus.Cancelled) => $"Order {order.Number} is {now}: a paid order cannot be cancelled here; refund it with the payment partner first.",
            (OrderStatus.Cancelled, _) => $"Order {order.Number} is cancelled: nothing more can happen to it.",
            (OrderStatus.Fulfilled, _) => $"Order {order.Number} is fulfilled: nothing more can happen to it.",
            (OrderStatus.Expired, OrderStatus.Paid) => $"Order {order.Number}'s payment link expired: send a new payment link first.",
            _ => $"Order {order.Number} is {now}: it cannot be marked {OrderStatusText.Of(to).ToLowerInvariant()}.",
        };
    }

    /// <summary>
    /// Whether an agent or the API may mark the order paid: its link came from a custom link, or it has none and the
    /// channel has no partner that would report the payment.
    /// </summary>
    public static bool PaidByHand(Order order, PaymentPartnerKind channelPartner) => order.PaymentPartner switch
    {
        null => channelPartner is PaymentPartnerKind.None or PaymentPartnerKind.CustomLink,
        var partner => partner == nameof(PaymentPartnerKind.CustomLink) || partner == nameof(PaymentPartnerKind.None),
    };

    private static string PartnerName(string? partner) => partner ?? "its payment partner";
    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} created by hand ({Items} items)")]
    private partial void LogCreated(long orderId, int items);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} moved to {Status}")]
    private partial void LogMoved(long orderId, OrderStatus status);

}
