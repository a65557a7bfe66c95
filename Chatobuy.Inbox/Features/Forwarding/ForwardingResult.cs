namespace Chatobuy.Inbox.Features.Forwarding;

/// <summary>What a forwarding command did: an error in plain words, or the event it queued.</summary>
public sealed record ForwardingResult(string? Error, ForwardingDeliveryDto? Delivery = null)
{
    public bool Succeeded => Error is null;
}
