using System.Globalization;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Orders;
using Chatobuy.Inbox.Features.Outbound;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Payments;

/// <summary>
/// The one path by which a payment's outcome reaches an order, whoever reports it (a partner's verified notification, an
/// agent or the API marking a custom-link order paid): the order moves, open screens hear it, and the customer gets the
/// channel's Payment Success or Payment Failed message through the outbox. Once: a partner notifying twice moves
/// nothing the second time, and the message's client id is fixed per order, outcome and link, so it is composed once.
/// </summary>
public sealed partial class OrderPayments(
    IDbContextFactory<InboxDbContext> dbFactory,
    OutboundService outbound,
    InboxEvents events,
    TimeProvider time,
    ILogger<OrderPayments> logger)
{
    /// <summary>Applies <paramref name="outcome"/> to the order; false when it changed nothing (unknown order, already there, or not allowed).</summary>
    public async Task<bool> ApplyAsync(long orderId, PaymentOutcome outcome, string actor, string? detail, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var order = await db.Orders.Include(o => o.Items).Include(o => o.Changes)
            .FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return false;
        }

        var to = outcome switch
        {
            PaymentOutcome.Paid => OrderStatus.Paid,
            PaymentOutcome.Failed => OrderStatus.Failed,
            _ => OrderStatus.Expired,
        };
        if (!order.MoveTo(to, actor, time.GetUtcNow(), detail))
        {
            LogUnchanged(order.Id, order.Status, outcome);
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new OrderChanged(order.ChannelId, order.Id, order.ConversationId, order.Status));

        var settings = await db.PaymentSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ChannelId == order.ChannelId, cancellationToken)
            ?? new PaymentSettings { ChannelId = order.ChannelId };
        var template = outcome switch
        {
            PaymentOutcome.Paid => settings.SuccessMessage,
            PaymentOutcome.Failed => settings.FailedMessage,
            _ => null,
        };
        if (template is not null && order.ConversationId is { } conversationId && !string.IsNullOrWhiteSpace(template))
        {
            await SendAsync(order, conversationId, outcome, template, cancellationToken);
        }

        return true;
    }

    /// <summary>Sends a payment message to the order's conversation, once per order, kind and link.</summary>
    public async Task<SendResult> SendAsync(Order order, long conversationId, PaymentOutcome? outcome, string template, CancellationToken cancellationToken)
    {
        var kind = outcome?.ToString().ToLowerInvariant() ?? "reminder";
        var link = order.PaymentLinkCreatedAt?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) ?? "none";
        var sent = await outbound.SendAsync(
            new SendRequest(conversationId, $"order-{order.Id}-{kind}-{link}", PaymentText.Fill(template, order)),
            cancellationToken);
        if (!sent.Succeeded)
        {
            LogNotSent(order.Id, kind, sent.Error!);
        }

        return sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} stays {Status}: the payment outcome {Outcome} changes nothing")]
    private partial void LogUnchanged(long orderId, OrderStatus status, PaymentOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Kind} message of order {OrderId} was not sent: {Reason}")]
    private partial void LogNotSent(long orderId, string kind, string reason);
}
