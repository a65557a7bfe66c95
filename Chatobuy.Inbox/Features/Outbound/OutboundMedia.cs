namespace Chatobuy.Inbox.Features.Outbound;

/// <summary>A file to upload and send. <see cref="Kind"/>: image, video, audio or document.</summary>
public sealed record OutboundMedia(string Kind, string FileName, string MimeType, byte[] Content, string? Caption);
