using System.Text.Json.Nodes;

namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>
/// One Sandbox template, as Meta would list it. <see cref="ComponentsJson"/> is Meta's <c>components</c> array;
/// <see cref="ParameterFormat"/> POSITIONAL or NAMED; <see cref="QualityScore"/> GREEN, YELLOW, RED or UNKNOWN.
/// </summary>
public sealed record SandboxTemplate(
    string Id,
    string WabaId,
    string Name,
    string Language,
    string Category,
    string Status,
    string? RejectedReason,
    string QualityScore,
    string ParameterFormat,
    string ComponentsJson,
    string? PreviousCategory,
    DateTimeOffset UpdatedAt)
{
    public JsonArray Components => JsonNode.Parse(ComponentsJson) as JsonArray ?? [];
}
