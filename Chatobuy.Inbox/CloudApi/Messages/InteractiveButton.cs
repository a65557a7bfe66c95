namespace Chatobuy.Inbox.CloudApi.Messages;

/// <summary>Reference §3.4: one reply button (<c>type: reply</c>): the id Meta sends back when it is tapped (≤ 256) and its title (≤ 20).</summary>
public sealed record InteractiveButton(InteractiveReply Reply, string Type = "reply");
