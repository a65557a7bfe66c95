namespace Chatobuy.Inbox.CloudApi.Messages;

/// <summary>Reference §3.3: the wamid of the message a reply quotes.</summary>
public sealed record MessageContext(string MessageId);
