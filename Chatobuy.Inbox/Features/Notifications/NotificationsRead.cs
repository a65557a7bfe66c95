using Chatobuy.Inbox.Events;

namespace Chatobuy.Inbox.Features.Notifications;

/// <summary>Some of <paramref name="UserId"/>'s notifications were marked read: their bells in other tabs count again.</summary>
public sealed record NotificationsRead(string UserId) : IInboxEvent;
