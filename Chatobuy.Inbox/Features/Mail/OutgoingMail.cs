namespace Chatobuy.Inbox.Features.Mail;

/// <summary>A plain-text e-mail to one or more people.</summary>
public sealed record OutgoingMail(IReadOnlyList<string> To, string Subject, string Body);
