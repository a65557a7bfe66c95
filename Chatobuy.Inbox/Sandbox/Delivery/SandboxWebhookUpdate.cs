using System.Text.Json.Nodes;

namespace Chatobuy.Inbox.Sandbox.Delivery;

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
