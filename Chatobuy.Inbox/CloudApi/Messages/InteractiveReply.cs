namespace Chatobuy.Inbox.CloudApi.Messages;

/// <summary>A reply button's callback id and title.</summary>
public sealed record InteractiveReply(string Id, string Title);
