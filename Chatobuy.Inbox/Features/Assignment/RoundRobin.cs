namespace Chatobuy.Inbox.Features.Assignment;

/// <summary>
/// The turn order of round robin: agents in a fixed order (their user ids, ordinal), and the next one after the agent
/// last given a conversation, wrapping around, skipping those who cannot take one now. Keeping the last agent rather
/// than a position keeps it fair when agents join, leave or go offline.
/// </summary>
public static class RoundRobin
{
    /// <summary>
    /// The first agent after <paramref name="lastUserId"/> (in the order of <see cref="Order"/>) for whom
    /// <paramref name="canTake"/> holds; null when none can.
    /// </summary>
    public static string? Next(IReadOnlyList<string> agents, string? lastUserId, Func<string, bool> canTake)
    {
        var ordered = Order(agents);
        if (ordered.Count == 0)
        {
            return null;
        }

        var start = 0;
        if (lastUserId is not null)
        {
            start = ordered.Count;
            for (var i = 0; i < ordered.Count; i++)
            {
                if (string.CompareOrdinal(ordered[i], lastUserId) > 0)
                {
                    start = i;
                    break;
                }
            }
        }

        for (var step = 0; step < ordered.Count; step++)
        {
            var agent = ordered[(start + step) % ordered.Count];
            if (canTake(agent))
            {
                return agent;
            }
        }

        return null;
    }

    /// <summary>The turn order: distinct user ids, ordinal.</summary>
    public static IReadOnlyList<string> Order(IEnumerable<string> agents) =>
        agents.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
