namespace Chatobuy.Inbox.Events;

/// <summary>Marks an event that crosses instances (through Redis when configured); others stay in their process.</summary>
public interface IInboxEvent;
