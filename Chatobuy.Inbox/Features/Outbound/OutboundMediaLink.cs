namespace Chatobuy.Inbox.Features.Outbound;

/// <summary>A file Meta fetches itself from an http(s) link. <see cref="Kind"/>: image, video, audio or document.</summary>
public sealed record OutboundMediaLink(string Kind, string Link, string? Caption, string? FileName = null);
