using Chatobuy.Inbox.Features.Conversations;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>What the inbox's keyboard shortcuts (<see cref="KeyboardShortcuts"/>) do on the page.</summary>
public sealed partial class InboxPage
{
    /// <summary>Opens the conversation <paramref name="by"/> rows below (above, when negative) the open one in the list.</summary>
    private void Step(int by)
    {
        if (_conversations.Count == 0)
        {
            return;
        }

        var index = -1;
        for (var i = 0; i < _conversations.Count; i++)
        {
            if (_conversations[i].Id == ConversationId)
            {
                index = i;
                break;
            }
        }

        var next = index < 0 ? (by > 0 ? 0 : _conversations.Count - 1) : index + by;
        if (next >= 0 && next < _conversations.Count && _conversations[next].Id != ConversationId)
        {
            Open(_conversations[next].Id);
        }
    }

    private Task ResolveByShortcutAsync() =>
        _selected is { Status: ConversationStatus.Open } ? SetStatusAsync(ConversationStatus.Resolved) : Task.CompletedTask;

    private Task AssignToMeByShortcutAsync() =>
        _selected is { } selected && selected.AssigneeUserId != _userId && _userId.Length > 0 ? AssignAsync(_userId) : Task.CompletedTask;
}
