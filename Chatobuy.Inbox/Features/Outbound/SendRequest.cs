namespace Chatobuy.Inbox.Features.Outbound;

/// <summary>
/// One message an agent or an integration wants sent. Exactly one of: <see cref="Text"/>, a reaction
/// (<see cref="ReactionTargetWaMessageId"/> + <see cref="ReactionEmoji"/>, "" removes it), <see cref="Media"/>
/// (uploaded at send time), <see cref="MediaLink"/> (sent by link), <see cref="Template"/> (allowed outside the
/// 24-hour window) or <see cref="Interactive"/> (buttons, a list, a URL button, a location request, products).
/// <see cref="ClientMessageId"/> makes it idempotent per channel: the same id again returns the same message.
/// </summary>
public sealed record SendRequest(
    long ConversationId,
    string ClientMessageId,
    string? Text,
    string? ReplyToWaMessageId = null,
    string? ReactionTargetWaMessageId = null,
    string? ReactionEmoji = null,
    OutboundMedia? Media = null,
    string? SentByUserId = null,
    OutboundMediaLink? MediaLink = null,
    OutboundTemplate? Template = null,
    OutboundInteractive? Interactive = null);
