using Chatobuy.Inbox.Data;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Conversations;

/// <summary>
/// The current reactions on some messages, one per person and message: the latest reaction wins, an older one never
/// replaces it, and an empty emoji removes it. Collects the rows to add and to delete.
/// </summary>
public sealed class ReactionBoard
{
    private readonly Dictionary<(string Target, string Reactor), Reaction> _current = [];
    private readonly Dictionary<(string Target, string Reactor), Reaction> _removed = [];
    private readonly List<Reaction> _added = [];
    private readonly HashSet<Reaction> _changed = [];

    public ReactionBoard(IEnumerable<Reaction> stored)
    {
        foreach (var reaction in stored)
        {
            _current[(reaction.TargetWaMessageId, reaction.ReactorId)] = reaction;
        }
    }

    /// <summary>New rows to insert.</summary>
    public IReadOnlyList<Reaction> Added => _added;

    /// <summary>Stored rows to delete.</summary>
    public IEnumerable<Reaction> Removed => _removed.Values;

    /// <summary>Stored rows kept with a new emoji or time, to update (for writers without change tracking).</summary>
    public IEnumerable<Reaction> Updated => _changed.Where(r => !_removed.ContainsValue(r) && !_added.Contains(r));

    /// <summary>
    /// Stores the reactions of one batch and removes the ones taken back, oldest first, against what is stored for
    /// their messages. The caller saves.
    /// </summary>
    public static async Task ApplyAsync(InboxDbContext db, IReadOnlyCollection<ReactionEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }

        var targets = events.Select(e => e.TargetWaMessageId).Distinct().ToList();
        var board = new ReactionBoard(await db.Reactions.Where(r => targets.Contains(r.TargetWaMessageId)).ToListAsync(cancellationToken));
        foreach (var e in events.OrderBy(e => e.At))
        {
            board.Apply(e);
        }

        db.Reactions.AddRange(board.Added);
        db.Reactions.RemoveRange(board.Removed);
    }

    /// <summary>Applies one event; false when a newer reaction of that person on that message is already shown.</summary>
    public bool Apply(ReactionEvent reaction)
    {
        var key = (reaction.TargetWaMessageId, reaction.ReactorId);
        var current = _current.GetValueOrDefault(key);
        if (current is not null && current.ReactedAt > reaction.At)
        {
            return false;
        }

        if (reaction.Emoji.Length == 0)
        {
            if (current is not null)
            {
                _current.Remove(key);
                if (!_added.Remove(current))
                {
                    _removed[key] = current;
                }
            }

            return true;
        }

        if (current is null)
        {
            // A stored row taken back earlier in the same batch is reused rather than deleted and inserted again.
            if (!_removed.Remove(key, out current))
            {
                current = new Reaction { TargetWaMessageId = reaction.TargetWaMessageId, ReactorId = reaction.ReactorId };
                _added.Add(current);
            }

            _current[key] = current;
        }

        current.Emoji = reaction.Emoji;
        current.ReactedAt = reaction.At;
        _changed.Add(current);
        return true;
    }
}
