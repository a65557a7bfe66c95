using System.Text.Json.Nodes;
using Chatobuy.Inbox.Sandbox.Rules;

namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>A message the business sent to a customer through the emulated <c>/messages</c> endpoint.</summary>
public sealed record SandboxBusinessMessage(
    string Id,
    string PhoneNumberId,
    string WaId,
    string Type,
    string Summary,
    DateTimeOffset At,
    string? ReplyToId,
    string? CallbackData,
    JsonNode Content,
    SandboxRenderedTemplate? Template = null);
