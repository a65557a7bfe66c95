namespace Chatobuy.Inbox.Features.Inbox;

public sealed record ReactionDto(string Emoji, string By);
