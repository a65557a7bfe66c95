namespace Chatobuy.Inbox.Events;

/// <summary>An Admin created, renamed, recoloured or deleted a label: open inboxes read the labels again.</summary>
public sealed record LabelsChanged(long LabelId) : IInboxEvent;
