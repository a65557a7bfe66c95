using System.ComponentModel.DataAnnotations;

namespace Chatobuy.Inbox.Features.Assignment;

/// <summary>Fair assignment (section "Assignment").</summary>
public sealed class AssignmentOptions
{
    public const string SectionName = "Assignment";

    /// <summary>
    /// How often round robin looks again at conversations waiting for an agent when nothing woke it: an agent coming
    /// online, or a change made by another instance, is seen at the latest after this long.
    /// </summary>
    [Range(1, 3600)]
    public int RecheckSeconds { get; set; } = 30;
}
