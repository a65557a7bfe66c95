using System.Text;
using MimeKit;
using netDumbster.smtp;

namespace Chatobuy.Inbox.Tests.Support;

/// <summary>Reading what the app e-mailed to the test's SMTP server (netDumbster on loopback).</summary>
public static class SmtpMail
{
    /// <summary>
    /// The e-mails received (in no particular order), once there are <paramref name="count"/>, and, a moment later,
    /// still no more, so "exactly" holds.
    /// </summary>
    public static async Task<IReadOnlyList<MimeMessage>> WaitForMailsAsync(this SimpleSmtpServer smtp, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (smtp.ReceivedEmailCount < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        // Let anything queued behind them arrive.
        await Task.Delay(300);
        var mails = smtp.ReceivedEmail.Select(m => Parse(m.Data)).ToList();
        mails.Count.ShouldBe(count, string.Join(" | ", mails.Select(m => m.Subject)));
        return mails;
    }

    /// <summary>The e-mail with <paramref name="subject"/>, once the SMTP server has it (up to 30 s).</summary>
    public static async Task<MimeMessage> WaitForMailAsync(this SimpleSmtpServer smtp, string subject)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var mail = smtp.ReceivedEmail.Select(m => Parse(m.Data)).FirstOrDefault(m => m.Subject == subject);
            if (mail is not null)
            {
                return mail;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, $"no e-mail \"{subject}\"; got: {string.Join(" | ", smtp.Subjects())}");
            await Task.Delay(100);
        }
    }

    /// <summary>The subjects of every e-mail received so far.</summary>
    public static IReadOnlyList<string> Subjects(this SimpleSmtpServer smtp) =>
        smtp.ReceivedEmail.Select(m => Parse(m.Data).Subject ?? "").ToList();

    private static MimeMessage Parse(string data) => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(data)));
}
