namespace Chatobuy.Inbox.Events;

/// <summary>An agent edited a contact (name, e-mail, notes, custom attributes): open contact panels read it again.</summary>
public sealed record ContactChanged(long ContactId) : IInboxEvent;
