using System.Security.Cryptography;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Orders;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Payments;

/// <summary>
/// Makes an order's payment link with the channel's partner and keeps it on the order. A failed or expired order goes
/// back to pending payment with its new link; a paid, fulfilled or cancelled one gets none.
/// </summary>
public sealed partial class PaymentLinks(
    IDbContextFactory<InboxDbContext> dbFactory,
    IEnumerable<IPaymentPartner> partners,
    PaymentCredentials credentials,
    TimeProvider time,
    ILogger<PaymentLinks> logger)
{
    public const string NoPartner =
        "No payment partner is set up for this channel. An Admin can choose one in Store Settings → Payment.";

    /// <summary>Creates a link for order <paramref name="orderId"/>; <paramref name="actor"/> is who asked (shown in the order's history).</summary>
    public async Task<PaymentLinkOutcome> CreateAsync(long orderId, string actor, string publicBaseUrl, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var order = await db.Set<Order>().Include(o => o.Items).Include(o => o.Changes)
            .FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return PaymentLinkOutcome.Refused("Order not found.");
        }

        if (order.Status is OrderStatus.Paid or OrderStatus.Fulfilled or OrderStatus.Cancelled)
        {
            return PaymentLinkOutcome.Refused($"Order {order.Number} is {OrderStatusText.Of(order.Status).ToLowerInvariant()}: it needs no payment link.");
        }

        if (order.Items.Count == 0 || order.Total <= 0)
        {
            return PaymentLinkOutcome.Refused($"Order {order.Number} has nothing to pay: add products first.");
        }

        var settings = await db.Set<PaymentSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.ChannelId == order.ChannelId, cancellationToken);
        var partner = settings is null ? null : partners.FirstOrDefault(p => p.Kind == settings.Partner);
        if (settings is null || partner is null)
        {
            return PaymentLinkOutcome.Refused(NoPartner);
        }

        IReadOnlyDictionary<string, string> fields;
        try
        {
            fields = credentials.Unprotect(settings.ActiveCredentialsProtected);
        }
        catch (CryptographicException)
        {
            return PaymentLinkOutcome.Refused(
                "This channel's payment credentials can no longer be read (the encryption keys changed). An Admin can enter them again in Store Settings → Payment.");
        }

        var made = await partner.CreateLinkAsync(new PaymentLinkRequest(order, settings, fields, publicBaseUrl), cancellationToken);
        if (!made.Succeeded)
        {
            LogRefused(order.Id, settings.Partner, made.Error!);
            return PaymentLinkOutcome.Refused(made.Error!);
        }

        var now = time.GetUtcNow();
        if (order.Status is OrderStatus.Failed or OrderStatus.Expired)
        {
            order.MoveTo(OrderStatus.PendingPayment, actor, now, "New payment link");
        }

        order.PaymentPartner = settings.Partner.ToString();
        order.PaymentReference = made.Reference;
        order.PaymentLinkUrl = made.Url;
        order.PaymentLinkCreatedAt = now;
        order.ReminderSentAt = null;
        order.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return PaymentLinkOutcome.Made(order, settings);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No payment link for order {OrderId} from {Partner}: {Reason}")]
    private partial void LogRefused(long orderId, PaymentPartnerKind partner, string reason);
}
