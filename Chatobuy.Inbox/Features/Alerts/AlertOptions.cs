using System.ComponentModel.DataAnnotations;

namespace Chatobuy.Inbox.Features.Alerts;

/// <summary>The channel health check (<c>Alerts</c> section).</summary>
public sealed class AlertOptions
{
    public const string SectionName = "Alerts";

    /// <summary>How often every channel's token, number status and app subscription are checked with Meta.</summary>
    [Range(1, 1440)]
    public int CheckIntervalMinutes { get; set; } = 15;

    /// <summary>
    /// A channel on which a message left this long ago, with no signed webhook since (not even its status), counts as
    /// disconnected: Meta's webhooks no longer reach the inbox.
    /// </summary>
    [Range(1, 10080)]
    public int SilenceMinutes { get; set; } = 30;
}
