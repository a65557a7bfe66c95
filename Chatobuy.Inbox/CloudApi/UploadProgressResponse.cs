namespace Chatobuy.Inbox.CloudApi;

/// <summary>Reference §6.3: a chunk's answer (<c>h</c> once the file is complete) or the session's progress.</summary>
public sealed record UploadProgressResponse(string? Id, long? FileOffset, string? H);
