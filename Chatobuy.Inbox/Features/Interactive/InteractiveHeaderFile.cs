namespace Chatobuy.Inbox.Features.Interactive;

/// <summary>A header file an admin just chose in the builder, not stored yet.</summary>
public sealed record InteractiveHeaderFile(string FileName, string MimeType, byte[] Content);
