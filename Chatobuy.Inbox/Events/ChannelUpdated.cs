namespace Chatobuy.Inbox.Events;

/// <summary>
/// Anything about a channel changed (checklist, counters, last signed event); <paramref name="ConfigurationChanged"/>
/// when it was connected, edited, made default or deleted.
/// </summary>
public sealed record ChannelUpdated(string ChannelId, bool ConfigurationChanged = false) : IInboxEvent;
