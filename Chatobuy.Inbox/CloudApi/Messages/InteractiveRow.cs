namespace Chatobuy.Inbox.CloudApi.Messages;

/// <summary>Reference §3.4: a list row: id (≤ 200) sent back when chosen, title (≤ 24), optional description (≤ 72).</summary>
public sealed record InteractiveRow(string Id, string Title, string? Description = null);
