using System.Text.Json;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Features.Usage;

/// <summary>
/// Counts usage off the hot path: every few seconds it reads the conversations, messages and status reports stored since
/// its last pass (by id, so nothing is counted twice or missed) and adds them to each channel's month. A message counts
/// as sent on its first status report that is not <c>failed</c>, and as billable on its first report whose
/// <c>pricing</c> says so (<c>type: regular</c>; before per-message pricing, <c>billable: true</c>), in the month of that
/// report. A report that arrives before its message waits for it (ten minutes at most).
/// </summary>
public sealed partial class UsageTally(
    IDbContextFactory<InboxDbContext> dbFactory,
    InboxEvents events,
    IOptions<UsageOptions> options,
    TimeProvider time,
    ILogger<UsageTally> logger) : BackgroundService
{
    private static readonly TimeSpan WaitForMessage = TimeSpan.FromMinutes(10);

    // One pass at a time in this process: two would read the same marks and the second would fail to commit.
    private readonly SemaphoreSlim _pass = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.TallyIntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunOnceAsync(stoppingToken) >= options.Value.BatchSize)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogPassFailed(exception);
            }

            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass; returns the most rows of one kind it read (a full batch means more may be waiting).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _pass.WaitAsync(cancellationToken);
        try
        {
            return await PassAsync(cancellationToken);
        }
        finally
        {
            _pass.Release();
        }
    }

    private async Task<int> PassAsync(CancellationToken cancellationToken)
    {
        var batch = options.Value.BatchSize;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var state = await db.Set<UsageTallyState>().FirstOrDefaultAsync(s => s.Id == UsageTallyState.SingletonId, cancellationToken);
        if (state is null)
        {
            state = new UsageTallyState();
            db.Add(state);
        }

        var months = new Dictionary<(string ChannelId, string Month), ChannelUsageMonth>();
        async Task<ChannelUsageMonth> MonthOf(string channelId, DateTimeOffset at)
        {
            var key = (channelId, UsageMonth.Of(at));
            if (!months.TryGetValue(key, out var row))
            {
                row = await db.Set<ChannelUsageMonth>().FirstOrDefaultAsync(u => u.ChannelId == key.channelId && u.Month == key.Item2, cancellationToken);
                if (row is null)
                {
                    row = new ChannelUsageMonth { ChannelId = key.channelId, Month = key.Item2 };
                    db.Add(row);
                }

                months[key] = row;
            }

            return row;
        }

        var conversations = await db.Conversations.AsNoTracking()
            .Where(c => c.Id > state.LastConversationId).OrderBy(c => c.Id).Take(batch)
            .Select(c => new { c.Id, c.ChannelId, c.CreatedAt })
            .ToListAsync(cancellationToken);
        foreach (var conversation in conversations)
        {
            (await MonthOf(conversation.ChannelId, conversation.CreatedAt)).ConversationsOpened++;
            state.LastConversationId = conversation.Id;
        }

        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.Id > state.LastMessageId).OrderBy(m => m.Id).Take(batch)
            .Select(m => new { m.Id, m.ChannelId, m.Direction, m.Timestamp })
            .ToListAsync(cancellationToken);
        foreach (var message in messages)
        {
            if (message.Direction == MessageDirection.Inbound)
            {
                (await MonthOf(message.ChannelId, message.Timestamp)).MessagesReceived++;
            }

            state.LastMessageId = message.Id;
        }

        var reports = await CountReportsAsync(db, state, MonthOf, batch, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await RaiseThresholdsAsync(months.Values);
        return Math.Max(conversations.Count, Math.Max(messages.Count, reports));
    }

    private async Task<int> CountReportsAsync(
        InboxDbContext db,
        UsageTallyState state,
        Func<string, DateTimeOffset, Task<ChannelUsageMonth>> monthOf,
        int batch,
        CancellationToken cancellationToken)
    {
        var reports = await db.MessageStatusUpdates.AsNoTracking()
            .Where(s => s.Id > state.LastStatusUpdateId).OrderBy(s => s.Id).Take(batch)
            .Select(s => new { s.Id, s.WaMessageId, s.Status, s.Timestamp, s.PricingJson })
            .ToListAsync(cancellationToken);
        if (reports.Count == 0)
        {
            return 0;
        }

        var wamids = reports.Select(r => r.WaMessageId).Distinct().ToList();
        var channels = await db.Messages.AsNoTracking()
            .Where(m => m.WaMessageId != null && wamids.Contains(m.WaMessageId))
            .Select(m => new { m.WaMessageId, m.ChannelId })
            .ToDictionaryAsync(m => m.WaMessageId!, m => m.ChannelId, cancellationToken);
        var earlier = await db.MessageStatusUpdates.AsNoTracking()
            .Where(s => s.Id <= state.LastStatusUpdateId && wamids.Contains(s.WaMessageId))
            .Select(s => new { s.WaMessageId, s.Status, s.PricingJson })
            .ToListAsync(cancellationToken);
        var sent = earlier.Where(s => s.Status != MessageStatus.Failed).Select(s => s.WaMessageId).ToHashSet(StringComparer.Ordinal);
        var billed = earlier.Where(s => Billable(s.PricingJson).Billable).Select(s => s.WaMessageId).ToHashSet(StringComparer.Ordinal);

        var now = time.GetUtcNow();
        foreach (var report in reports)
        {
            if (!channels.TryGetValue(report.WaMessageId, out var channelId))
            {
                if (now - report.Timestamp < WaitForMessage)
                {
                    break;
                }

                state.LastStatusUpdateId = report.Id;
                continue;
            }

            if (report.Status != MessageStatus.Failed && sent.Add(report.WaMessageId))
            {
                (await monthOf(channelId, report.Timestamp)).MessagesSent++;
            }

            var (billable, category) = Billable(report.PricingJson);
            if (billable && billed.Add(report.WaMessageId))
            {
                (await monthOf(channelId, report.Timestamp)).CountBillable(category);
            }

            state.LastStatusUpdateId = report.Id;
        }

        return reports.Count;
    }

    /// <summary>Whether Meta bills the message this pricing object is about, and in which category.</summary>
    public static (bool Billable, string? Category) Billable(string? pricingJson)
    {
        if (string.IsNullOrEmpty(pricingJson))
        {
            return (false, null);
        }

        try
        {
            using var pricing = JsonDocument.Parse(pricingJson);
            var root = pricing.RootElement;
            var category = root.TryGetProperty("category", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            if (root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String)
            {
                return (type.GetString() == "regular", category);
            }

            return (root.TryGetProperty("billable", out var billable) && billable.ValueKind == JsonValueKind.True, category);
        }
        catch (JsonException)
        {
            return (false, null);
        }
    }

    private async Task RaiseThresholdsAsync(IEnumerable<ChannelUsageMonth> touched)
    {
        var allowance = options.Value.MonthlyAllowance;
        var current = UsageMonth.Of(time.GetUtcNow());
        foreach (var row in touched.Where(r => r.Month == current))
        {
            if (row.AllowanceReachedSentAt is not null && row.AllowanceWarningSentAt is not null)
            {
                continue;
            }

            var percent = row.MessagesTotal >= allowance ? 100 : row.MessagesTotal * 100 >= allowance * 80 ? 80 : 0;
            if (percent > 0)
            {
                await MarkRaisedAsync(row.ChannelId, row.Month, percent, row.MessagesTotal, allowance);
            }
        }
    }

    /// <summary>Marks the level raised (once per month and level) and tells the subscribers (the alert e-mails).</summary>
    private async Task MarkRaisedAsync(string channelId, string month, int percent, int messages, int allowance)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var row = await db.Set<ChannelUsageMonth>().FirstAsync(u => u.ChannelId == channelId && u.Month == month);
            var now = time.GetUtcNow();
            var raised = new List<int>();
            if (row.AllowanceWarningSentAt is null)
            {
                row.AllowanceWarningSentAt = now;
                if (percent == 80)
                {
                    raised.Add(80);
                }
            }

            if (percent == 100 && row.AllowanceReachedSentAt is null)
            {
                row.AllowanceReachedSentAt = now;
                raised.Add(100);
            }

            if (raised.Count == 0)
            {
                return;
            }

            await db.SaveChangesAsync();
            foreach (var level in raised)
            {
                LogThreshold(channelId, month, level, messages, allowance);
                events.Publish(new UsageThresholdCrossed(channelId, month, level, messages, allowance));
            }
        }
        catch (Exception exception)
        {
            LogPassFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counting usage failed; the next pass tries again")]
    private partial void LogPassFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Channel {ChannelId} reached {Percent} % of its monthly allowance in {Month} ({Messages} of {Allowance} messages)")]
    private partial void LogThreshold(string channelId, string month, int percent, int messages, int allowance);
}
