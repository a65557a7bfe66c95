namespace Chatobuy.Inbox.CloudApi;

public sealed record MediaUploadResponse(string Id);
