namespace Chatobuy.Inbox.Features.Notes;

/// <summary>
/// <c>@mentions</c> in a private note: an agent is mentioned by <c>@</c> and their name as the inbox shows it (spaces
/// included), ended by the end of the text, a space or punctuation. Names are matched without regard to case, the
/// longest first, so "@Ada Lovelace" mentions Ada Lovelace and not an agent called Ada.
/// </summary>
public static class Mentions
{
    /// <summary>The longest a name being typed after <c>@</c> can be before the suggestions stop.</summary>
    public const int MaxQueryLength = 40;

    /// <summary>The agents <paramref name="text"/> mentions, each once, in the order they are first mentioned.</summary>
    public static IReadOnlyList<Mentionable> Find(string text, IReadOnlyList<Mentionable> agents)
    {
        var byLength = agents.Where(a => a.Name.Length > 0).OrderByDescending(a => a.Name.Length).ToList();
        var found = new List<(int At, Mentionable Agent)>();
        for (var at = text.IndexOf('@'); at >= 0; at = text.IndexOf('@', at + 1))
        {
            if (at > 0 && char.IsLetterOrDigit(text[at - 1]))
            {
                // An e-mail address, not a mention.
                continue;
            }

            var rest = text.AsSpan(at + 1);
            foreach (var agent in byLength)
            {
                if (rest.StartsWith(agent.Name, StringComparison.OrdinalIgnoreCase)
                    && (rest.Length == agent.Name.Length || !char.IsLetterOrDigit(rest[agent.Name.Length])))
                {
                    found.Add((at, agent));
                    break;
                }
            }
        }

        return found.Select(f => f.Agent).DistinctBy(a => a.UserId).ToList();
    }

    /// <summary>
    /// The name being typed after an <c>@</c> at the end of <paramref name="text"/> (where the caret is while typing),
    /// or null when the text does not end in a mention being typed.
    /// </summary>
    public static string? Typing(string text)
    {
        var at = text.LastIndexOf('@');
        if (at < 0 || (at > 0 && !char.IsWhiteSpace(text[at - 1])))
        {
            return null;
        }

        var query = text[(at + 1)..];
        return query.Length > MaxQueryLength || query.Contains('\n') || query.StartsWith(' ') ? null : query;
    }

    /// <summary>The agents whose name matches what is typed after <c>@</c>: names that start with it first, then names with a word that does.</summary>
    public static IReadOnlyList<Mentionable> Suggest(string query, IReadOnlyList<Mentionable> agents) =>
        agents
            .Select(a => (Agent: a, Rank: a.Name.StartsWith(query, StringComparison.OrdinalIgnoreCase) ? 0
                : a.Name.Split(' ').Any(w => w.StartsWith(query, StringComparison.OrdinalIgnoreCase)) ? 1 : 2))
            .Where(x => x.Rank < 2)
            .OrderBy(x => x.Rank).ThenBy(x => x.Agent.Name, StringComparer.OrdinalIgnoreCase)
            .Select(x => x.Agent)
            .Take(8)
            .ToList();

    /// <summary>The text with the mention being typed at its end completed to <paramref name="agent"/>'s name and a space.</summary>
    public static string Complete(string text, Mentionable agent)
    {
        var at = text.LastIndexOf('@');
        return at < 0 ? text : text[..(at + 1)] + agent.Name + " ";
    }
}
