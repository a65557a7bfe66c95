namespace Chatobuy.Inbox.Features.Api;

/// <summary>The body of every error the integration API answers.</summary>
public sealed record ApiError(string Error);
