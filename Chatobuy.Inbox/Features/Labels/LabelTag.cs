namespace Chatobuy.Inbox.Features.Labels;

/// <summary>A label as chips, menus and the API show it.</summary>
public sealed record LabelTag(long Id, string Name, string Colour);
