using System.Text.Json;

namespace Chatobuy.Inbox.CloudApi;

/// <summary>
/// Reference §5.1: a message template as Meta lists it. <see cref="Components"/> is Meta's components array, kept as
/// it came; <see cref="QualityScore"/> is an object (<c>{"score":"GREEN"}</c>).
/// </summary>
public sealed record TemplateData(
    string Id,
    string? Name,
    string? Language,
    string? Status,
    string? Category,
    JsonElement? Components,
    string? ParameterFormat,
    string? RejectedReason,
    TemplateQuality? QualityScore,
    string? PreviousCategory);
