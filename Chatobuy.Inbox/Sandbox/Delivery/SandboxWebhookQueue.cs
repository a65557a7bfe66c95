using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Chatobuy.Inbox.Sandbox.Delivery;

/// <summary>Whether an update goes in a change's <c>messages</c> (with <c>contacts</c>) or its <c>statuses</c>.</summary>
public enum SandboxUpdateKind
{
    Message,
    Status,

    /// <summary>
    /// An account-level change (reference §7.5: template status, quality, category): <c>PhoneNumberId</c> holds the
    /// WABA id, <c>Item</c> the change's <c>value</c>, <see cref="SandboxWebhookUpdate.Field"/> its field.
    /// </summary>
    Account,
}

/// <summary>
/// One update the emulated Meta has to tell the app about: an inbound message (with the sender's contact) or a status.
/// <paramref name="ItemId"/> is the wamid it is about.
/// </summary>
public sealed record SandboxWebhookUpdate(SandboxUpdateKind Kind, string PhoneNumberId, string ItemId, JsonObject Item, JsonObject? Contact)
{
    /// <summary>The webhook field of an <see cref="SandboxUpdateKind.Account"/> change.</summary>
    public string? Field { get; init; }

    /// <summary>When Meta sent an account-level change (<c>entry[].time</c>, Unix seconds).</summary>
    public long? EntryTime { get; init; }

    /// <summary>An account-level change of <paramref name="wabaId"/>, e.g. <c>message_template_status_update</c>.</summary>
    public static SandboxWebhookUpdate ForAccount(string wabaId, string field, string itemId, JsonObject value, DateTimeOffset time) =>
        new(SandboxUpdateKind.Account, wabaId, itemId, value, null) { Field = field, EntryTime = time.ToUnixTimeSeconds() };
}

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
