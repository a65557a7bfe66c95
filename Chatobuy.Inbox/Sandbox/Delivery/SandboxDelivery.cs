namespace Chatobuy.Inbox.Sandbox.Delivery;

/// <summary>One webhook POST (with its retries), for the Sandbox page. Never holds a body.</summary>
public sealed record SandboxDelivery(
    long Number,
    DateTimeOffset At,
    string? Url,
    string PhoneNumberId,
    IReadOnlyList<string> ItemIds,
    SandboxDeliveryState State,
    int Attempts,
    int? HttpStatus,
    string? Note);
