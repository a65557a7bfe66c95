namespace Chatobuy.Inbox.Features.Forwarding;

/// <summary>A channel's forwarding as the Forwarding section shows it.</summary>
public sealed record ForwardingStatus(
    string ChannelId,
    string? Url,
    bool HasSecret,
    DateTimeOffset? SecretCreatedAt,
    DateTimeOffset? PausedAt,
    string? PausedReason,
    int ConsecutiveFailures,
    int Waiting,
    int Failed)
{
    public bool HasUrl => !string.IsNullOrWhiteSpace(Url);

    public bool IsPaused => PausedAt is not null;
}
