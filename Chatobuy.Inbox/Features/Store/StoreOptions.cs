using System.ComponentModel.DataAnnotations;

namespace Chatobuy.Inbox.Features.Store;

/// <summary>How often every channel's linked catalog is copied from Meta, and how many products a page asks for.</summary>
public sealed class StoreOptions
{
    public const string SectionName = "Store";

    /// <summary>Minutes between scheduled synchronizations of every connected channel's catalog.</summary>
    [Range(1, 10080)]
    public int SyncIntervalMinutes { get; set; } = 60;

    /// <summary>Products asked per page while synchronizing (Meta's maximum is 100).</summary>
    [Range(1, 100)]
    public int SyncPageSize { get; set; } = 100;
}
