namespace Chatobuy.Inbox.Features.Mail;

/// <summary>Sends the inbox's e-mails: over SMTP when one is configured, else into the pickup folder.</summary>
public interface IMailSender
{
    /// <summary>"SMTP server mail.example.com:587 (STARTTLS)" or "Pickup folder /data/mail-pickup".</summary>
    string Describe();

    /// <summary>Never throws for a mail problem: the result says what went wrong and what to check.</summary>
    Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
