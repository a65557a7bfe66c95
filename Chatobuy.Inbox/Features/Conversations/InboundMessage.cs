namespace Chatobuy.Inbox.Features.Conversations;

/// <summary>
/// A message a customer sent, as read from a webhook: the message to store (not yet in a conversation), who sent it
/// (wa_id, or the business-scoped user id of a username-only user) with the profile Meta gave, and for a reaction
/// the wamid it reacts to.
/// </summary>
public sealed record InboundMessage(string ChannelId, string Sender, string? ProfileName, string? UserId, Message Message, string? ReactsTo);
