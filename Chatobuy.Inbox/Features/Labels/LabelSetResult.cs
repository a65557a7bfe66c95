namespace Chatobuy.Inbox.Features.Labels;

/// <summary>
/// What replacing a conversation's labels by name came to: the labels it has now, or the names no label has (nothing
/// changed then), or that the conversation does not exist.
/// </summary>
public sealed record LabelSetResult(bool ConversationFound, IReadOnlyList<string> UnknownNames, IReadOnlyList<LabelTag> Labels)
{
    public bool Succeeded => ConversationFound && UnknownNames.Count == 0;
}
