namespace Chatobuy.Inbox.CloudApi;

/// <summary>
/// <c>GET /{media-id}</c>. <c>file_size</c> comes as a string in Meta's examples and as a number elsewhere; the
/// serializer settings read both. <c>sha256</c> is the hex digest of the file.
/// </summary>
public sealed record MediaInfo(
    string Url,
    string? MimeType,
    string? Sha256,
    long? FileSize,
    string? Id);
