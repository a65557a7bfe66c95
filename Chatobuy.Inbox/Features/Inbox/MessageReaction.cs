namespace Chatobuy.Inbox.Features.Inbox;

public sealed record MessageReaction(string Emoji, string By);
