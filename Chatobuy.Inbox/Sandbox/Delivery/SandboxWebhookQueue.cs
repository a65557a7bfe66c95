using System.Threading.Channels;

namespace Chatobuy.Inbox.Sandbox.Delivery;

/// <summary>The updates waiting for the <see cref="SandboxWebhookSender"/>; unbounded, in arrival order.</summary>
public sealed class SandboxWebhookQueue(SandboxDeliveryLog log)
{
    private readonly Channel<SandboxWebhookUpdate> _channel = Channel.CreateUnbounded<SandboxWebhookUpdate>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });

    public ChannelReader<SandboxWebhookUpdate> Reader => _channel.Reader;

    public void Enqueue(SandboxWebhookUpdate update)
    {
        log.Queued(update.ItemId);
        _channel.Writer.TryWrite(update);
    }
}
