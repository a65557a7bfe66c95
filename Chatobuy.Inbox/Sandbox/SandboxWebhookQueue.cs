using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Chatobuy.Inbox.Sandbox;

/// <summary>Whether an update goes in a change's <c>messages</c> (with <c>contacts</c>) or its <c>statuses</c>.</summary>
public enum SandboxUpdateKind
{
    Message,
    Status,
}

/// <summary>
/// One update the emulated Meta has to tell the app about: an inbound message (with the sender's contact) or a status.
/// <paramref name="ItemId"/> is the wamid it is about.
/// </summary>
public sealed record SandboxWebhookUpdate(SandboxUpdateKind Kind, string PhoneNumberId, string ItemId, JsonObject Item, JsonObject? Contact);

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
