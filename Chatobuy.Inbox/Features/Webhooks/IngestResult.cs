namespace Chatobuy.Inbox.Features.Webhooks;

/// <summary>A webhook delivery's outcome, with how many messages, statuses and other events it stored.</summary>
public sealed record IngestResult(IngestOutcome Outcome, int Messages = 0, int Statuses = 0, int Others = 0, string? ChannelId = null)
{
    /// <summary>The messages this delivery created or moved forward, for live updates.</summary>
    public IReadOnlyList<InboxChange> Changes { get; init; } = [];

    /// <summary>The other webhook fields this delivery stored (template status, quality, account updates, …).</summary>
    public IReadOnlyList<StoredChannelEvent> Events { get; init; } = [];
}
