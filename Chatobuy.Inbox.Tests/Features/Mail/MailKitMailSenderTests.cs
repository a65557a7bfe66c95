using System.Text;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Mail;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using netDumbster.smtp;

namespace Chatobuy.Inbox.Tests.Features.Mail;

/// <summary>The e-mail sender against a real SMTP server on loopback, and without one (the pickup folder).</summary>
public sealed class MailKitMailSenderTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "chatobuy-mail-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task SendAsync_WithoutSmtpHost_WritesAnEmlFileToThePickupFolder()
    {
        var sender = Sender(new MailOptions());

        var result = await sender.SendAsync(new OutgoingMail(["ops@example.com"], "Channel down", "Replace the token → now."), CancellationToken.None);

        result.Succeeded.ShouldBeTrue();
        result.Message.ShouldContain("No SMTP server is configured");
        sender.Describe().ShouldBe($"Pickup folder {Path.Combine(_dataDirectory, "mail-pickup")}");
        var file = Directory.GetFiles(Path.Combine(_dataDirectory, "mail-pickup"), "*.eml").ShouldHaveSingleItem();
        var message = await MimeMessage.LoadAsync(file);
        message.To.Mailboxes.Single().Address.ShouldBe("ops@example.com");
        message.Subject.ShouldBe("Channel down");
        message.TextBody!.ShouldContain("Replace the token → now.");
    }

    [Fact]
    public async Task SendAsync_WithSmtpHost_DeliversToTheServer()
    {
        using var smtp = SimpleSmtpServer.Start();
        var sender = Sender(new MailOptions { Host = "localhost", Port = smtp.Configuration.Port, TlsMode = MailTlsMode.None, From = "Inbox <alerts@example.com>" });

        var result = await sender.SendAsync(new OutgoingMail(["a@example.com", "b@example.com"], "Test", "Hello"), CancellationToken.None);

        result.Succeeded.ShouldBeTrue(result.Message);
        var received = smtp.ReceivedEmail.ShouldHaveSingleItem();
        var message = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(received.Data)));
        message.To.Mailboxes.Select(m => m.Address).ShouldBe(["a@example.com", "b@example.com"], ignoreOrder: true);
        message.From.Mailboxes.Single().Address.ShouldBe("alerts@example.com");
        message.Subject.ShouldBe("Test");
        Directory.Exists(Path.Combine(_dataDirectory, "mail-pickup")).ShouldBeFalse();
    }

    [Fact]
    public async Task SendAsync_NoServerListening_SaysWhatToCheck()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        var sender = Sender(new MailOptions { Host = "127.0.0.1", Port = port, TlsMode = MailTlsMode.None });

        var result = await sender.SendAsync(new OutgoingMail(["ops@example.com"], "Test", "Hello"), CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.Message.ShouldContain("could not be reached");
        result.Message.ShouldContain("Mail:Host and Mail:Port");
    }

    private MailKitMailSender Sender(MailOptions options) =>
        new(Options.Create(options), new DataPaths(_dataDirectory), TimeProvider.System, NullLogger<MailKitMailSender>.Instance);
}
