namespace Chatobuy.Inbox.Features.Store;

/// <summary>
/// A channel's store row (one per channel): which catalog its products were last synchronized from, when, how many,
/// and the last synchronization's error in plain words (cleared by the next one that works).
/// </summary>
public sealed class ChannelStore
{
    public string ChannelId { get; set; } = "";

    /// <summary>The catalog the stored products come from; null when the account had none linked at the last sync.</summary>
    public string? CatalogId { get; set; }

    public string? CatalogName { get; set; }

    /// <summary>When the last synchronization that worked finished.</summary>
    public DateTimeOffset? LastSyncedAt { get; set; }

    /// <summary>How many products it stored.</summary>
    public int ProductCount { get; set; }

    /// <summary>When the last attempt (good or not) finished.</summary>
    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>Why the last attempt failed, for the admin; null when it worked.</summary>
    public string? LastError { get; set; }
}
