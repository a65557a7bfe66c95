namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>
/// One keyboard shortcut of the inbox page: the keys as shown (alternatives) and what it does. Keys without a modifier
/// act only while the agent is not typing in a field; those with Alt act anywhere.
/// </summary>
public sealed record InboxShortcut(IReadOnlyList<string> Keys, string Action)
{
    /// <summary>Every shortcut, in the order the <c>?</c> overlay lists them (the keyboard module knows the same keys).</summary>
    public static IReadOnlyList<InboxShortcut> All { get; } =
    [
        new(["Alt+↓", "J"], "Next conversation"),
        new(["Alt+↑", "K"], "Previous conversation"),
        new(["R"], "Write a reply (focus the composer)"),
        new(["/"], "Open quick replies"),
        new(["E"], "Resolve the conversation"),
        new(["A"], "Assign the conversation to me"),
        new(["?"], "Show these shortcuts"),
        new(["Esc"], "Close this list"),
    ];
}
