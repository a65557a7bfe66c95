using System.Collections.Concurrent;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Features.Availability;

/// <summary>
/// Who is Online, Busy or Offline, for anyone to ask (<see cref="IsOnlineAsync"/>, <see cref="AllAsync"/>): what each
/// agent chose in the top bar, shown as Offline once they sign out or stay idle for
/// <see cref="AvailabilityOptions.IdleMinutes"/>. Activity is written at most once a minute per agent and instance.
/// </summary>
public sealed class AgentAvailability(
    IDbContextFactory<InboxDbContext> dbFactory,
    InboxEvents events,
    IOptions<AvailabilityOptions> options,
    TimeProvider time)
{
    private static readonly TimeSpan ActivityEvery = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastWritten = new();

    private TimeSpan Idle => options.Value.Idle;

    public async Task<AvailabilityStatus> OfAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.AgentSettings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        return settings?.ShownAt(time.GetUtcNow(), Idle) ?? AvailabilityStatus.Offline;
    }

    /// <summary>Whether the agent takes conversations now: Online, not Busy, signed in and active.</summary>
    public async Task<bool> IsOnlineAsync(string userId, CancellationToken cancellationToken = default) =>
        await OfAsync(userId, cancellationToken) == AvailabilityStatus.Online;

    /// <summary>Every agent with settings, and what they show now; an agent not listed is Offline.</summary>
    public async Task<IReadOnlyDictionary<string, AvailabilityStatus>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        return (await db.AgentSettings.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(s => s.UserId, s => s.ShownAt(now, Idle));
    }

    /// <summary>The agent chose Online, Busy or Offline; choosing counts as activity.</summary>
    public Task SetAsync(string userId, AvailabilityStatus chosen, CancellationToken cancellationToken = default) =>
        ChangeAsync(userId, s =>
        {
            s.Chosen = chosen;
            s.LastActiveAt = time.GetUtcNow();
        }, cancellationToken);

    /// <summary>The agent did something in a tab; written only when the last write is a minute old or they showed Offline.</summary>
    public async Task ActiveAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (_lastWritten.TryGetValue(userId, out var last) && now - last < ActivityEvery)
        {
            return;
        }

        _lastWritten[userId] = now;
        await ChangeAsync(userId, s => s.LastActiveAt = now, cancellationToken);
    }

    /// <summary>The agent signed out: Offline until they are active again.</summary>
    public async Task SignedOutAsync(string userId, CancellationToken cancellationToken = default)
    {
        _lastWritten.TryRemove(userId, out _);
        await ChangeAsync(userId, s => s.SignedOutAt = time.GetUtcNow(), cancellationToken);
    }

    public async Task<bool> SoundAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AgentSettings.Where(s => s.UserId == userId).Select(s => s.NotificationSound).FirstOrDefaultAsync(cancellationToken);
    }

    public Task SetSoundAsync(string userId, bool on, CancellationToken cancellationToken = default) =>
        ChangeAsync(userId, s => s.NotificationSound = on, cancellationToken);

    /// <summary>Changes the agent's row (created on first use) and tells live views when what others see changed.</summary>
    private async Task ChangeAsync(string userId, Action<AgentSettings> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.AgentSettings.FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (settings is null)
        {
            settings = new AgentSettings { UserId = userId };
            db.AgentSettings.Add(settings);
        }

        var now = time.GetUtcNow();
        var before = settings.ShownAt(now, Idle);
        change(settings);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // Two tabs created the row at once: the other one's write stands, apply this change to it.
            await using var again = await dbFactory.CreateDbContextAsync(cancellationToken);
            var stored = await again.AgentSettings.FirstAsync(s => s.UserId == userId, cancellationToken);
            before = stored.ShownAt(now, Idle);
            change(stored);
            await again.SaveChangesAsync(cancellationToken);
            settings = stored;
        }

        if (settings.ShownAt(now, Idle) is var after && after != before)
        {
            events.Publish(new AvailabilityChanged(userId, after));
        }
    }
}
