namespace Chatobuy.Inbox.Features.Alerts;

/// <summary>What one health check of a channel found.</summary>
public enum ChannelCheckOutcome
{
    /// <summary>Token, number, subscription and webhooks all fine.</summary>
    Passed,

    /// <summary>Something is wrong: the channel is (now) disconnected.</summary>
    Failed,

    /// <summary>Meta could not be reached or answered with a temporary error: nothing changed.</summary>
    Inconclusive,

    /// <summary>The channel was deleted.</summary>
    Gone,
}
