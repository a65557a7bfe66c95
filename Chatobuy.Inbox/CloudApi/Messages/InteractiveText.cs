namespace Chatobuy.Inbox.CloudApi.Messages;

/// <summary>Reference §3.4: the <c>body</c> (≤ 1,024 characters) or <c>footer</c> (≤ 60) of an interactive message.</summary>
public sealed record InteractiveText(string Text);
