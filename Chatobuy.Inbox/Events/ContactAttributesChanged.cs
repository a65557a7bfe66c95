namespace Chatobuy.Inbox.Events;

/// <summary>An Admin added or deleted a custom contact attribute: open contact panels read the attributes again.</summary>
public sealed record ContactAttributesChanged(long AttributeId) : IInboxEvent;
