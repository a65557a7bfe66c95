namespace Chatobuy.Inbox.Features.Orders;

/// <summary>
/// How to send a new payment link: the message (its placeholders filled for the order; null takes the channel's
/// "Payment link" message), the agent who sends it, and the template to use outside the 24-hour window (null picks the
/// first that can carry a link).
/// </summary>
public sealed record PaymentLinkSend(string? Message = null, string? SentByUserId = null, long? TemplateId = null);
