using System.ComponentModel.DataAnnotations;

namespace Chatobuy.Inbox.Features.Templates;

/// <summary>How often every account's templates are pulled from Meta (webhooks keep them current in between).</summary>
public sealed class TemplatesOptions
{
    public const string SectionName = "Templates";

    [Range(1, 1440)]
    public int SyncIntervalMinutes { get; set; } = 15;

    /// <summary>Templates asked per page while syncing (Meta's maximum is 100).</summary>
    [Range(1, 100)]
    public int SyncPageSize { get; set; } = 100;
}
