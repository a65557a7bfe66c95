using System.Text.Json.Nodes;

namespace Chatobuy.Inbox.Sandbox.Customer;

/// <summary>What a simulated customer sent, as the customer phone page shows it.</summary>
public sealed record SandboxCustomerMessage(
    string Id,
    string PhoneNumberId,
    string WaId,
    string Name,
    string Type,
    string Summary,
    DateTimeOffset At,
    string? ReplyToId,
    JsonObject Message);
