using System.ComponentModel.DataAnnotations;

namespace Chatobuy.Inbox.Sandbox;

/// <summary>Template review: how long a submitted or edited template stays PENDING before the verdict.</summary>
public sealed class SandboxTemplateOptions
{
    [Range(0, 3_600_000)]
    public int ReviewDelayMilliseconds { get; set; } = 3000;
}
