using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Features.Payments;

/// <summary>
/// Sends the channel's "Payment Default" reminder once per link: when an order has stayed pending payment for the
/// channel's delay since its link was made. <see cref="Order.ReminderSentAt"/> is set before anything else is tried, and
/// the message's client id is fixed per order and link, so a crash or a second instance never sends it twice.
/// </summary>
public sealed partial class PaymentReminderWorker(
    IDbContextFactory<InboxDbContext> dbFactory,
    OrderPayments payments,
    TimeProvider time,
    IOptions<PaymentsOptions> options,
    ILogger<PaymentReminderWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ReminderPollSeconds), time);
        try
        {
            do
            {
                try
                {
                    await RemindAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogRoundFailed(e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>One round: reminds every order that is due now; returns how many were reminded.</summary>
    public async Task<int> RemindAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channels = await db.PaymentSettings.AsNoTracking()
            .Where(s => s.ReminderDelayMinutes > 0 && s.Partner != PaymentPartnerKind.None)
            .Select(s => new { s.ChannelId, s.ReminderDelayMinutes, s.ReminderMessage })
            .ToListAsync(cancellationToken);
        var reminded = 0;
        foreach (var channel in channels.Where(c => !string.IsNullOrWhiteSpace(c.ReminderMessage)))
        {
            var due = now.AddMinutes(-channel.ReminderDelayMinutes);
            var orders = await db.Orders.Include(o => o.Items)
                .Where(o => o.ChannelId == channel.ChannelId
                    && o.Status == OrderStatus.PendingPayment
                    && o.ConversationId != null
                    && o.PaymentLinkUrl != null
                    && o.PaymentLinkCreatedAt != null && o.PaymentLinkCreatedAt <= due
                    && o.ReminderSentAt == null)
                .ToListAsync(cancellationToken);
            foreach (var order in orders)
            {
                order.ReminderSentAt = now;
                await db.SaveChangesAsync(cancellationToken);
                var sent = await payments.SendAsync(order, order.ConversationId!.Value, null, channel.ReminderMessage, cancellationToken);
                if (sent.Succeeded)
                {
                    reminded++;
                    LogReminded(order.Id);
                }
            }
        }

        return reminded;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} is still unpaid: the payment reminder is queued")]
    private partial void LogReminded(long orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A round of payment reminders failed; the next round tries again")]
    private partial void LogRoundFailed(Exception exception);
}
