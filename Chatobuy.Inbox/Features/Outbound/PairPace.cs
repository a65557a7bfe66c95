using System.Threading.RateLimiting;

namespace Chatobuy.Inbox.Features.Outbound;

/// <summary>
/// Meta's pair rate (reference §3.7) on one phone number: each customer may get a burst of <c>burst</c> messages, then
/// one per <c>interval</c>. The permits are a <see cref="ConcurrencyLimiter"/> per customer; a spent permit comes back
/// one interval after the previous one did, on the clock the caller reads. The library's token buckets cannot follow
/// the app's <see cref="TimeProvider"/>: even without automatic replenishment they refill by the wall clock.
/// </summary>
public sealed class PairPace : IDisposable
{
    /// <summary>Beyond this many customers with spent permits, those due are given back all at once.</summary>
    private const int SweepAbove = 50_000;

    private readonly PartitionedRateLimiter<string> _permits;
    private readonly Dictionary<string, Spent> _spent = new(StringComparer.Ordinal);
    private readonly TimeSpan _interval;

    public PairPace(int burst, TimeSpan interval)
    {
        _interval = interval;
        _permits = PartitionedRateLimiter.Create<string, string>(recipient =>
            RateLimitPartition.GetConcurrencyLimiter(recipient, _ => new ConcurrencyLimiterOptions { PermitLimit = burst, QueueLimit = 0 }));
    }

    /// <summary>Takes a permit to send to <paramref name="recipient"/> now; false when their burst is spent.</summary>
    public bool TryTake(string recipient, DateTimeOffset now)
    {
        if (_interval <= TimeSpan.Zero)
        {
            return true;
        }

        if (_spent.TryGetValue(recipient, out var spent) && GiveBackDue(spent, now))
        {
            _spent.Remove(recipient);
            spent = null;
        }

        var lease = _permits.AttemptAcquire(recipient);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            return false;
        }

        if (spent is null)
        {
            spent = new Spent(now);
            _spent[recipient] = spent;
        }

        spent.Leases.Enqueue(lease);
        if (_spent.Count > SweepAbove)
        {
            foreach (var (key, entry) in _spent.ToList())
            {
                if (GiveBackDue(entry, now))
                {
                    _spent.Remove(key);
                }
            }
        }

        return true;
    }

    public void Dispose()
    {
        foreach (var lease in _spent.Values.SelectMany(s => s.Leases))
        {
            lease.Dispose();
        }

        _permits.Dispose();
    }

    /// <summary>Gives back one permit per interval passed; true when all are back (the customer needs no entry).</summary>
    private bool GiveBackDue(Spent spent, DateTimeOffset now)
    {
        while (spent.Leases.Count > 0 && now - spent.Since >= _interval)
        {
            spent.Leases.Dequeue().Dispose();
            spent.Since += _interval;
        }

        return spent.Leases.Count == 0;
    }

    /// <summary>A customer's spent permits, oldest first; the next comes back one interval after <see cref="Since"/>.</summary>
    private sealed class Spent(DateTimeOffset since)
    {
        public Queue<RateLimitLease> Leases { get; } = new();

        public DateTimeOffset Since { get; set; } = since;
    }
}
