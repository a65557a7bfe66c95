using System.Text.Json.Nodes;

namespace Chatobuy.Inbox.Sandbox.Rules;

/// <summary>A send the rules accepted: the message object (type and its object), whom it goes to and what it quotes.</summary>
public sealed record SandboxOutboundRequest(
    string Type,
    JsonNode Content,
    string Input,
    string WaId,
    string? ReplyToId,
    string? CallbackData);
