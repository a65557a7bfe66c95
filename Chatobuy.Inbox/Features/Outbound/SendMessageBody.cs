namespace Chatobuy.Inbox.Features.Outbound;

/// <summary><c>POST /api/v1/conversations/{id}/messages</c>: <c>text</c> or <c>mediaLink</c>, optionally a reply to a WhatsApp message id.</summary>
public sealed record SendMessageBody(string? ClientMessageId = null, string? Text = null, MediaLinkBody? MediaLink = null, string? ReplyTo = null);
