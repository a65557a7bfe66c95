namespace Chatobuy.Inbox.CloudApi;

/// <summary>Reference §6.3: <c>{"id": "upload:…?sig=…"}</c>; the id is used verbatim as the session's path and query.</summary>
public sealed record UploadSessionResponse(string Id);
