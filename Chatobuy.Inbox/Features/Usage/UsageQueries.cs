using Chatobuy.Inbox.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Features.Usage;

/// <summary>Reads the counted usage: one channel's month, its recent months, or every channel in a month.</summary>
public sealed class UsageQueries(IDbContextFactory<InboxDbContext> dbFactory, IOptions<UsageOptions> options, TimeProvider time)
{
    public int MonthlyAllowance => options.Value.MonthlyAllowance;

    public string CurrentMonth => UsageMonth.Of(time.GetUtcNow());

    /// <summary>The channel's usage in <paramref name="month"/> ("2026-12"); zeros when nothing was counted.</summary>
    public async Task<ChannelUsageMonth> MonthAsync(string channelId, string month, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ChannelUsageMonth>().AsNoTracking().FirstOrDefaultAsync(u => u.ChannelId == channelId && u.Month == month, cancellationToken)
            ?? new ChannelUsageMonth { ChannelId = channelId, Month = month };
    }

    /// <summary>The channel's last <paramref name="count"/> months up to <paramref name="last"/>, oldest first, zeros where nothing was counted.</summary>
    public async Task<IReadOnlyList<ChannelUsageMonth>> MonthsAsync(string channelId, string last, int count, CancellationToken cancellationToken)
    {
        var months = UsageMonth.Back(last, count);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Set<ChannelUsageMonth>().AsNoTracking()
            .Where(u => u.ChannelId == channelId && months.Contains(u.Month))
            .ToDictionaryAsync(u => u.Month, cancellationToken);
        return months.Select(m => stored.GetValueOrDefault(m) ?? new ChannelUsageMonth { ChannelId = channelId, Month = m }).ToList();
    }

    /// <summary>Every channel's usage in <paramref name="month"/>, channels without any included with zeros.</summary>
    public async Task<IReadOnlyList<(string ChannelId, string Name, ChannelUsageMonth Usage)>> ChannelsAsync(string month, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channels = await db.Channels.AsNoTracking().OrderBy(c => c.Title).Select(c => new { c.Id, c.Title }).ToListAsync(cancellationToken);
        var stored = await db.Set<ChannelUsageMonth>().AsNoTracking().Where(u => u.Month == month).ToDictionaryAsync(u => u.ChannelId, cancellationToken);
        return channels
            .Select(c => (c.Id, c.Title, stored.GetValueOrDefault(c.Id) ?? new ChannelUsageMonth { ChannelId = c.Id, Month = month }))
            .ToList();
    }
}
