using System.Globalization;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Outbound;
using Chatobuy.Inbox.Features.Payments;
using Chatobuy.Inbox.Features.Templates.Sending;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Features.Orders;

/// <summary>
/// Generate Payment Link: makes the order's link with the channel's partner (<see cref="PaymentLinks"/>) and, when
/// asked, sends it to the customer through the outbox: as the channel's "Payment link" message within the 24-hour
/// window, as an approved template that carries the link outside it (<see cref="PaymentLinkTemplate"/>). What cannot be
/// sent is refused before a link is made. The message's client id is fixed per order and link, so a replay sends once.
/// </summary>
public sealed partial class PaymentLinkSender(
    IDbContextFactory<InboxDbContext> dbFactory,
    PaymentLinks links,
    OutboundService outbound,
    TemplateCatalog templates,
    IOptions<InboxOptions> inbox,
    InboxEvents events,
    TimeProvider time,
    ILogger<PaymentLinkSender> logger)
{
    public const string MessageNeedsLink = "The message must contain {payment_link}, where the link goes.";

    /// <summary>The channel's settings, or the defaults when it has none (no partner, the default messages).</summary>
    public async Task<PaymentSettings> SettingsAsync(string channelId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PaymentSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ChannelId == channelId, cancellationToken)
            ?? new PaymentSettings { ChannelId = channelId };
    }

    /// <summary>The channel's approved templates that can carry a payment link.</summary>
    public async Task<IReadOnlyList<TemplateOption>> TemplatesAsync(string channelId, CancellationToken cancellationToken) =>
        (await templates.ForChannelAsync(channelId, cancellationToken)).Where(PaymentLinkTemplate.Usable).ToList();

    /// <summary>
    /// Makes a new link for the order; with <paramref name="send"/>, sends it to the order's conversation.
    /// <paramref name="currentBaseUri"/> is the address the request came in on, used unless a public one is configured.
    /// </summary>
    public async Task<PaymentLinkSendResult> CreateAsync(long orderId, string actor, string currentBaseUri, PaymentLinkSend? send, CancellationToken cancellationToken)
    {
        var configured = inbox.Value.PublicBaseUrl;
        var publicBaseUrl = (string.IsNullOrWhiteSpace(configured) ? currentBaseUri : configured).TrimEnd('/');
        Order? order;
        Conversation? conversation = null;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
            if (order is null)
            {
                return PaymentLinkSendResult.Refused(OrderService.NotFoundMessage, OrderRefusal.NotFound);
            }

            if (send is not null && order.ConversationId is { } conversationId)
            {
                conversation = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
            }
        }

        TemplateOption? template = null;
        if (send is not null)
        {
            if (conversation is null)
            {
                return PaymentLinkSendResult.Refused($"Order {order.Number} has no conversation to send the link to; copy the link from the order instead.");
            }

            if (send.Message is { } text && !text.Contains(PaymentText.PaymentLink, StringComparison.Ordinal))
            {
                return PaymentLinkSendResult.Refused(MessageNeedsLink, OrderRefusal.Invalid);
            }

            if (conversation.WindowRefusal(time.GetUtcNow()) is not null)
            {
                var usable = await TemplatesAsync(order.ChannelId, cancellationToken);
                template = send.TemplateId is { } chosen ? usable.FirstOrDefault(t => t.Id == chosen) : usable.FirstOrDefault();
                if (template is null)
                {
                    return PaymentLinkSendResult.Refused(send.TemplateId is null
                        ? PaymentLinkTemplate.NoneUsable
                        : "That template cannot carry a payment link (or is no longer approved); pick another.");
                }
            }
        }

        var made = await links.CreateAsync(orderId, actor, publicBaseUrl, cancellationToken);
        if (!made.Succeeded)
        {
            return PaymentLinkSendResult.Refused(made.Error!, made.Error == "Order not found." ? OrderRefusal.NotFound : OrderRefusal.Conflict);
        }

        order = made.Order!;
        LogMade(order.Id, order.PaymentPartner);
        events.Publish(new OrderChanged(order.ChannelId, order.Id, order.ConversationId, order.Status));
        if (send is null || conversation is null)
        {
            return new PaymentLinkSendResult(order, null, null);
        }

        var clientId = "order-" + order.Id.ToString(CultureInfo.InvariantCulture) + "-link-"
            + (order.PaymentLinkCreatedAt ?? time.GetUtcNow()).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        SendRequest request;
        if (template is not null)
        {
            var (message, error) = PaymentLinkTemplate.Build(template, order);
            if (message is null)
            {
                return new PaymentLinkSendResult(order, null, null, SendError: error);
            }

            request = new SendRequest(conversation.Id, clientId, null, SentByUserId: send.SentByUserId, Template: message);
        }
        else
        {
            request = new SendRequest(conversation.Id, clientId, PaymentText.Fill(send.Message ?? made.Settings!.LinkMessage, order), SentByUserId: send.SentByUserId);
        }

        var sent = await outbound.SendAsync(request, cancellationToken);
        if (!sent.Succeeded)
        {
            LogNotSent(order.Id, sent.Error!);
            return new PaymentLinkSendResult(order, null, null, SendError: $"The link was made but the message was not sent: {sent.Error}");
        }

        return new PaymentLinkSendResult(order, sent.MessageId, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment link made for order {OrderId} by {Partner}")]
    private partial void LogMade(long orderId, string? partner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The payment link of order {OrderId} was made but not sent: {Reason}")]
    private partial void LogNotSent(long orderId, string reason);
}
