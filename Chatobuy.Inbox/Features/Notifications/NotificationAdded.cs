using Chatobuy.Inbox.Events;

namespace Chatobuy.Inbox.Features.Notifications;

/// <summary>A notification was stored for <paramref name="UserId"/>: their bells count it and may show it in the browser.</summary>
public sealed record NotificationAdded(string UserId, long NotificationId, string Title, string Text, string Link) : IInboxEvent;
