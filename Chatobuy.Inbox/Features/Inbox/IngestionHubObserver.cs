using Chatobuy.Inbox.Features.Webhooks;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>Pushes what a webhook delivery committed to the live panes.</summary>
public sealed class IngestionHubObserver(InboxNotifications notifications) : IIngestionObserver
{
    public void Stored(IngestResult result)
    {
        if (result.Changes.Count > 0)
        {
            _ = PublishAsync(result.Changes);
        }
    }

    private async Task PublishAsync(IReadOnlyList<InboxChange> changes)
    {
        foreach (var change in changes)
        {
            await (change.Created
                ? notifications.MessageCreatedAsync(change.ChannelId, change.ConversationId, change.MessageId, CancellationToken.None)
                : notifications.MessageUpdatedAsync(change.ChannelId, change.ConversationId, change.MessageId, CancellationToken.None));
        }

        foreach (var (channelId, conversationId) in changes.Where(c => c.Created).Select(c => (c.ChannelId, c.ConversationId)).Distinct())
        {
            await notifications.ConversationUpdatedAsync(channelId, conversationId, CancellationToken.None);
        }
    }
}
