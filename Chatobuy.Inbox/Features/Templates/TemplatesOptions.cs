using System.ComponentModel.DataAnnotations;

namespace Chatobuy.Inbox.Features.Templates;

/// <summary>How often every account's templates are pulled from Meta (webhooks keep them current in between).</summary>
public sealed class TemplatesOptions
{
    public const string SectionName = "Templates";

    [Range(1, 1440)]
    public int SyncIntervalMinutes { get; set; } = 15;
}
