namespace Chatobuy.Inbox.Features.Mail;

/// <summary>What became of an e-mail, in words for the person who sent it.</summary>
public sealed record MailSendResult(bool Succeeded, string Message)
{
    public static MailSendResult Ok(string message) => new(true, message);

    public static MailSendResult Fail(string message) => new(false, message);
}
