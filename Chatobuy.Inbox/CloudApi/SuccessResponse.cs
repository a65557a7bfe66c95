namespace Chatobuy.Inbox.CloudApi;

public sealed record SuccessResponse(bool Success);
