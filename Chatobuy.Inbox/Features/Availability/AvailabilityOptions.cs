using System.ComponentModel.DataAnnotations;

namespace Chatobuy.Inbox.Features.Availability;

/// <summary>When an agent counts as gone.</summary>
public sealed class AvailabilityOptions
{
    public const string SectionName = "Availability";

    /// <summary>Minutes without activity in any tab after which an agent shows as Offline.</summary>
    [Range(1, 24 * 60)]
    public int IdleMinutes { get; set; } = 30;

    public TimeSpan Idle => TimeSpan.FromMinutes(IdleMinutes);
}
