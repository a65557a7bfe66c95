namespace Chatobuy.Inbox.Features.Interactive;

/// <summary>
/// A saved interactive message of one channel (reply buttons, a list, a URL button, a location request, one or more
/// products): built once by an Admin, sent by agents from the composer. Needs no Meta approval. A message already sent
/// keeps its own copy, so editing or deleting this one never changes the chat history.
/// </summary>
public sealed class InteractiveMessage
{
    public long Id { get; set; }

    public string ChannelId { get; set; } = "";

    /// <summary>The name agents pick it by; unique per channel.</summary>
    public string Name { get; set; } = "";

    /// <summary>The interactive type (<see cref="CloudApi.Messages.InteractiveTypes"/>).</summary>
    public string Type { get; set; } = "";

    /// <summary>Meta's <c>interactive</c> object as it will be sent, placeholders (<c>{{contact.name}}</c>, …) still in it.</summary>
    public string InteractiveJson { get; set; } = "";

    /// <summary>A media header's file, kept in the media folder and uploaded to Meta when sent (relative path).</summary>
    public string? HeaderMediaPath { get; set; }

    public string? HeaderMediaMimeType { get; set; }

    public string? HeaderMediaFileName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedByUserId { get; set; }
}
