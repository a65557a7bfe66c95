namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>
/// Tells every registered <see cref="IInboxNotifier"/> (none, or the hub's) what was committed: webhooks, sends, agents' changes.
/// Resolved per call from a scope, so the notifier may be registered with any lifetime; a failing notifier is
/// logged and never undoes or blocks what was committed.
/// </summary>
public sealed partial class InboxNotifications(IServiceScopeFactory scopes, ILogger<InboxNotifications> logger)
{
    public Task MessageCreatedAsync(string channelId, long conversationId, long messageId, CancellationToken cancellationToken) =>
        EachAsync(n => n.MessageCreatedAsync(channelId, conversationId, messageId, cancellationToken));

    public Task MessageUpdatedAsync(string channelId, long conversationId, long messageId, CancellationToken cancellationToken) =>
        EachAsync(n => n.MessageUpdatedAsync(channelId, conversationId, messageId, cancellationToken));

    public Task ConversationUpdatedAsync(string channelId, long conversationId, CancellationToken cancellationToken) =>
        EachAsync(n => n.ConversationUpdatedAsync(channelId, conversationId, cancellationToken));

    private async Task EachAsync(Func<IInboxNotifier, Task> call)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            foreach (var notifier in scope.ServiceProvider.GetServices<IInboxNotifier>())
            {
                await call(notifier);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogNotifyFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An inbox notifier failed; live views catch up on their next load")]
    private partial void LogNotifyFailed(Exception exception);
}
