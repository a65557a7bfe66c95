namespace Chatobuy.Inbox.Features.Webhooks;

/// <summary>
/// Counts refused webhook signatures per channel in memory, so that a refused POST touches no database (a flood of
/// forged deliveries must not slow genuine ones down). <see cref="SignatureRefusalWriter"/> adds the counts to the
/// channel rows every few seconds; pages show stored plus <see cref="Pending"/>, so the count is current at once.
/// </summary>
public sealed class SignatureRefusals
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, RefusalTally> _pending = new(StringComparer.Ordinal);

    public void Record(IEnumerable<string> channelIds, DateTimeOffset at)
    {
        lock (_lock)
        {
            foreach (var id in channelIds)
            {
                var tally = _pending.GetValueOrDefault(id);
                _pending[id] = new RefusalTally(tally.Count + 1, tally.Count == 0 || at > tally.LastAt ? at : tally.LastAt);
            }
        }
    }

    /// <summary>Refusals of the channel counted but not saved yet (zero and null when none).</summary>
    public (int Count, DateTimeOffset? LastAt) Pending(string channelId)
    {
        lock (_lock)
        {
            return _pending.TryGetValue(channelId, out var tally) ? (tally.Count, tally.LastAt) : (0, null);
        }
    }

    /// <summary>What is waiting to be saved; it stays counted here until <see cref="Saved"/> takes it off.</summary>
    internal Dictionary<string, RefusalTally> Snapshot()
    {
        lock (_lock)
        {
            return new Dictionary<string, RefusalTally>(_pending, StringComparer.Ordinal);
        }
    }

    /// <summary>Takes off what was saved; refusals counted meanwhile stay for the next save.</summary>
    internal void Saved(IReadOnlyDictionary<string, RefusalTally> saved)
    {
        lock (_lock)
        {
            foreach (var (id, tally) in saved)
            {
                if (_pending.TryGetValue(id, out var current))
                {
                    var left = current.Count - tally.Count;
                    if (left <= 0)
                    {
                        _pending.Remove(id);
                    }
                    else
                    {
                        _pending[id] = current with { Count = left };
                    }
                }
            }
        }
    }
}
