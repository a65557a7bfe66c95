using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Conversations;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>
/// Brings snoozed conversations back when their time comes: open and unread, told to live views at once. It sleeps until
/// the next snooze ends (at most <see cref="LongestSleep"/>), and is woken early when an agent snoozes a conversation.
/// Time comes from the app's <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class SnoozeWaker(
    IDbContextFactory<InboxDbContext> dbFactory,
    InboxEvents events,
    WakeSignal<SnoozeWaker> signal,
    TimeProvider time,
    ILogger<SnoozeWaker> logger) : BackgroundService
{
    /// <summary>The longest the worker sleeps without looking (a snooze set on another instance is seen by then).</summary>
    public static readonly TimeSpan LongestSleep = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var sleep = LongestSleep;
                try
                {
                    await WakeDueAsync(stoppingToken);
                    if (await NextEndAsync(stoppingToken) is { } next)
                    {
                        var until = next - time.GetUtcNow();
                        sleep = until < TimeSpan.Zero ? TimeSpan.Zero : until < LongestSleep ? until : LongestSleep;
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogWakeFailed(logger, exception);
                }

                await signal.WaitAsync(sleep, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Opens every snoozed conversation whose time has come, as unread; returns how many.</summary>
    public async Task<int> WakeDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await db.Conversations
            .Where(c => c.Status == ConversationStatus.Snoozed && c.SnoozedUntil != null && c.SnoozedUntil <= now)
            .OrderBy(c => c.SnoozedUntil)
            .Take(500)
            .ToListAsync(cancellationToken);
        foreach (var conversation in due)
        {
            conversation.Wake();
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var conversation in due)
        {
            events.Publish(new ConversationUpdated(conversation.ChannelId, conversation.Id));
        }

        if (due.Count > 0)
        {
            LogWoken(logger, due.Count);
        }

        return due.Count;
    }

    private async Task<DateTimeOffset?> NextEndAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Conversations
            .Where(c => c.Status == ConversationStatus.Snoozed && c.SnoozedUntil != null)
            .OrderBy(c => c.SnoozedUntil)
            .Select(c => c.SnoozedUntil)
            .FirstOrDefaultAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} snoozed conversations are open again")]
    private static partial void LogWoken(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waking snoozed conversations failed; trying again shortly")]
    private static partial void LogWakeFailed(ILogger logger, Exception exception);
}
