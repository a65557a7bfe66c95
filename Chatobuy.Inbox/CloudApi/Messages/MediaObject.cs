namespace Chatobuy.Inbox.CloudApi.Messages;

/// <summary>
/// Reference §3.3: an image, video, audio, document or sticker by uploaded media <see cref="Id"/> or by http(s)
/// <see cref="Link"/>; <see cref="Caption"/> on images, videos and documents, <see cref="Filename"/> on documents.
/// </summary>
public sealed record MediaObject(string? Id = null, string? Link = null, string? Caption = null, string? Filename = null)
{
    public MediaObject ById(string mediaId) => this with { Id = mediaId, Link = null };
}
