namespace Chatobuy.Inbox.Features.QuickReplies;

/// <summary>A quick reply as lists show it (placeholders unfilled).</summary>
public sealed record QuickReplyView(
    long Id,
    string Shortcut,
    string Title,
    string Text,
    bool Shared,
    string? OwnerUserId,
    string? AttachmentKind,
    string? AttachmentFileName,
    long? AttachmentSize,
    DateTimeOffset UpdatedAt)
{
    public static QuickReplyView From(QuickReply q) => new(
        q.Id, q.Shortcut, q.Title, q.Text, q.IsShared, q.IsShared ? null : q.OwnerUserId, q.AttachmentKind, q.AttachmentFileName, q.AttachmentSize, q.UpdatedAt);

    /// <summary>
    /// The quick replies that match what is typed after <c>/</c>: shortcuts that start with it first, then shortcuts and
    /// titles that contain it (without regard to case); everything for an empty query. Personal ones before shared ones
    /// of the same rank.
    /// </summary>
    public static IReadOnlyList<QuickReplyView> Filter(IEnumerable<QuickReplyView> replies, string query, int max = 8)
    {
        query = query.Trim();
        return replies
            .Select(r => (Reply: r, Rank: query.Length == 0 || r.Shortcut.StartsWith(query, StringComparison.OrdinalIgnoreCase) ? 0
                : r.Shortcut.Contains(query, StringComparison.OrdinalIgnoreCase) || r.Title.Contains(query, StringComparison.OrdinalIgnoreCase) ? 1 : 2))
            .Where(x => x.Rank < 2)
            .OrderBy(x => x.Rank).ThenBy(x => x.Reply.Shared).ThenBy(x => x.Reply.Shortcut, StringComparer.OrdinalIgnoreCase)
            .Select(x => x.Reply)
            .Take(max)
            .ToList();
    }

    /// <summary>
    /// What is typed after a <c>/</c> at the very start of the composer, or null when the text does not start a quick
    /// reply (no <c>/</c> first, or a space or a new line already typed after it).
    /// </summary>
    public static string? Typing(string text) =>
        text.StartsWith('/') && !text.AsSpan(1).ContainsAny(' ', '\n', '\t') && text.Length <= QuickReplyDraftValidator.MaxShortcutLength + 1
            ? text[1..]
            : null;
}
