namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>
/// The "typing…" the customer sees while an agent types a reply (through <see cref="ReadReceipts.AgentTypingAsync"/>).
/// Meta shows it for up to 25 seconds, so asking again once per 20 seconds per conversation keeps it on while the agent
/// types. Scoped: one per circuit, so per agent tab.
/// </summary>
public sealed class CustomerTypingIndicator(ReadReceipts receipts, TimeProvider time)
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(20);

    private readonly Dictionary<long, DateTimeOffset> _shownAt = [];

    /// <summary>
    /// The agent typed a key in <paramref name="conversationId"/> (whose window is open). The task ends when Meta
    /// answered; it never fails (<see cref="ReadReceipts"/> logs a refusal).
    /// </summary>
    public Task AgentTypedAsync(long conversationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _shownAt.GetValueOrDefault(conversationId) <= Every)
        {
            return Task.CompletedTask;
        }

        _shownAt[conversationId] = now;
        return ShowAsync(conversationId, cancellationToken);
    }

    private async Task ShowAsync(long conversationId, CancellationToken cancellationToken)
    {
        try
        {
            await receipts.AgentTypingAsync(conversationId, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
    }
}
