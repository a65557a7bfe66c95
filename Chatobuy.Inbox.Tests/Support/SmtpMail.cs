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
        var mails = smtp.ReceivedEmail
            .Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data))))
            .ToList();
        mails.Count.ShouldBe(count, string.Join(" | ", mails.Select(m => m.Subject)));
        return mails;
    }
}
