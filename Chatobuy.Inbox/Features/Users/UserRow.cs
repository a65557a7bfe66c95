namespace Chatobuy.Inbox.Features.Users;

public sealed record UserRow(string Id, string Email, string DisplayName, string Role, bool IsActive, DateTimeOffset CreatedAt);
