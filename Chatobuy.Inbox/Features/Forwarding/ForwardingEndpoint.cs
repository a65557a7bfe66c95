namespace Chatobuy.Inbox.Features.Forwarding;

/// <summary>A channel's forwarding endpoint: its signing secret (encrypted) and whether sending to it is paused.</summary>
public sealed class ForwardingEndpoint
{
    public string ChannelId { get; set; } = "";

    /// <summary>The signing secret, encrypted with Data Protection like the channel's token.</summary>
    public string SecretProtected { get; set; } = "";

    public DateTimeOffset SecretCreatedAt { get; set; }

    /// <summary>Failed attempts in a row (any conversation); a delivered event starts again from zero.</summary>
    public int ConsecutiveFailures { get; set; }

    /// <summary>Set when the endpoint was paused after <see cref="ForwardingOptions.PauseAfterFailures"/> failures in a row.</summary>
    public DateTimeOffset? PausedAt { get; set; }

    /// <summary>The last failure before the pause, in plain words.</summary>
    public string? PausedReason { get; set; }
}
