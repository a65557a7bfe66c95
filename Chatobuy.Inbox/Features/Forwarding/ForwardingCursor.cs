namespace Chatobuy.Inbox.Features.Forwarding;

/// <summary>
/// How far the forwarding queue has read a source table (the raw webhook log, the messages): rows after
/// <see cref="Position"/> are still to be turned into forwarded events. Advanced in the same transaction as the events it adds.
/// </summary>
public sealed class ForwardingCursor
{
    /// <summary>The source: <c>webhook-deliveries</c> or <c>outbound-messages</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>The last source row id read.</summary>
    public long Position { get; set; }
}
