using Chatobuy.Inbox.Features.Channels;

namespace Chatobuy.Inbox.Features.Webhooks;

/// <summary>The channels that share one App Secret: one Meta app signs all their webhooks with it.</summary>
public sealed record WebhookSigner(IReadOnlyList<Channel> Channels)
{
    internal byte[] Key { get; init; } = [];

    public bool Serves(Channel channel) => Serves(channel.Id);

    public bool Serves(string? channelId) => channelId is not null && Channels.Any(c => c.Id == channelId);
}
