using Chatobuy.Inbox.Features.Webhooks;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>Pushes what a webhook delivery committed to the live panes.</summary>
public sealed class IngestionHubObserver(IEnumerable<IInboxNotifier> notifiers, ILogger<IngestionHubObserver> logger) : IIngestionObserver
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
        try
        {
            foreach (var notifier in notifiers)
            {
                foreach (var change in changes)
                {
                    await (change.Created
                        ? notifier.MessageCreatedAsync(change.ChannelId, change.ConversationId, change.MessageId)
                        : notifier.MessageUpdatedAsync(change.ChannelId, change.ConversationId, change.MessageId));
                }

                foreach (var conversation in changes.Where(c => c.Created).Select(c => (c.ChannelId, c.ConversationId)).Distinct())
                {
                    await notifier.ConversationUpdatedAsync(conversation.ChannelId, conversation.ConversationId);
                }
            }
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Live update after a webhook could not be published");
        }
    }
}
