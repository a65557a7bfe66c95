using System.Text.Json;

namespace Chatobuy.Inbox.Features.Interactive;

/// <summary>
/// A saved interactive message as the integration API gives it: <c>interactive</c> is Meta's object with its
/// placeholders (<c>{{contact.name}}</c>, <c>{{contact.phone}}</c>, <c>{{agent.name}}</c>) still in it; a kept header
/// file is named by <c>headerFileName</c> and sent by id when the message goes out.
/// </summary>
public sealed record InteractiveMessageDto(
    long Id,
    string Name,
    string Type,
    JsonElement Interactive,
    string? HeaderFileName,
    string? HeaderMimeType,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static InteractiveMessageDto From(InteractiveMessage message)
    {
        using var interactive = JsonDocument.Parse(string.IsNullOrWhiteSpace(message.InteractiveJson) ? "{}" : message.InteractiveJson);
        return new InteractiveMessageDto(
            message.Id,
            message.Name,
            message.Type,
            interactive.RootElement.Clone(),
            message.HeaderMediaFileName,
            message.HeaderMediaMimeType,
            message.CreatedAt,
            message.UpdatedAt);
    }
}
