namespace Chatobuy.Inbox.Features.Notifications;

/// <summary>A notification as the panel lists it.</summary>
public sealed record NotificationRow(long Id, NotificationKind Kind, string Title, string Text, string Link, DateTimeOffset CreatedAt, bool IsRead);
