using System.Net.Sockets;
using Chatobuy.Inbox.Data;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Chatobuy.Inbox.Features.Mail;

/// <summary>
/// <see cref="IMailSender"/> over MailKit: one SMTP conversation per e-mail (alerts are rare), or, with no host
/// configured, an <c>.eml</c> file per e-mail in the pickup folder, which any mail client opens.
/// </summary>
public sealed partial class MailKitMailSender(IOptions<MailOptions> options, DataPaths paths, TimeProvider time, ILogger<MailKitMailSender> logger) : IMailSender
{
    /// <summary>The pickup folder's full path.</summary>
    public string PickupPath => Path.GetFullPath(Path.Combine(paths.DataDirectory, options.Value.PickupFolder));

    public string Describe()
    {
        var o = options.Value;
        if (!o.UsesSmtp)
        {
            return $"Pickup folder {PickupPath}";
        }

        var tls = o.TlsMode switch
        {
            MailTlsMode.StartTls => "STARTTLS",
            MailTlsMode.SslOnConnect => "TLS on connect",
            _ => "no TLS",
        };
        var user = string.IsNullOrWhiteSpace(o.User) ? "without signing in" : $"as {o.User}";
        return $"SMTP server {o.Host}:{o.Port} ({tls}, {user})";
    }

    public async Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var o = options.Value;
        MimeMessage message;
        try
        {
            message = Build(mail, o);
        }
        catch (ParseException)
        {
            return MailSendResult.Fail("An address is not a valid e-mail address: check Mail:From and the recipients.");
        }

        if (!o.UsesSmtp)
        {
            return await WritePickupAsync(message, cancellationToken);
        }

        try
        {
            using var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
            await client.ConnectAsync(o.Host!, o.Port, Secure(o.TlsMode), cancellationToken);
            if (!string.IsNullOrWhiteSpace(o.User))
            {
                await client.AuthenticateAsync(o.User, o.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            LogSent(mail.To.Count, o.Host!);
            return MailSendResult.Ok($"Sent to {string.Join(", ", mail.To)} through {o.Host}:{o.Port}.");
        }
        catch (AuthenticationException exception)
        {
            LogFailed(exception.GetType().Name, o.Host!);
            return MailSendResult.Fail($"The SMTP server {o.Host} refused the user name or password. Check Mail:User and Mail:Password.");
        }
        catch (SmtpCommandException exception)
        {
            LogFailed(exception.GetType().Name, o.Host!);
            return MailSendResult.Fail($"The SMTP server {o.Host} refused the e-mail: {exception.Message} (SMTP {(int)exception.StatusCode}). Check the sender (Mail:From) and the recipients.");
        }
        catch (SslHandshakeException exception)
        {
            LogFailed(exception.GetType().Name, o.Host!);
            return MailSendResult.Fail($"The secure connection to {o.Host}:{o.Port} failed. Check Mail:TlsMode (StartTls for port 587, SslOnConnect for 465) and the server's certificate.");
        }
        catch (NotSupportedException exception)
        {
            LogFailed(exception.GetType().Name, o.Host!);
            return MailSendResult.Fail($"The SMTP server {o.Host} does not offer STARTTLS. Use Mail:TlsMode SslOnConnect, or None for a relay inside your own network.");
        }
        catch (Exception exception) when (exception is SocketException or IOException or ProtocolException or SmtpProtocolException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogFailed(exception.GetType().Name, o.Host!);
            return MailSendResult.Fail($"The SMTP server {o.Host}:{o.Port} could not be reached or stopped answering ({exception.Message}). Check Mail:Host and Mail:Port, and that this machine may connect to it.");
        }
    }

    private async Task<MailSendResult> WritePickupAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(PickupPath);
            var name = $"{time.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
            var path = Path.Combine(PickupPath, name);
            await using (var file = File.Create(path))
            {
                await message.WriteToAsync(file, cancellationToken);
            }

            LogPickedUp(name);
            return MailSendResult.Ok($"No SMTP server is configured: the e-mail was written to {path}.");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogFailed(exception.GetType().Name, PickupPath);
            return MailSendResult.Fail($"The e-mail could not be written to the pickup folder {PickupPath}: {exception.Message}");
        }
    }

    private MimeMessage Build(OutgoingMail mail, MailOptions o)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From));
        foreach (var to in mail.To)
        {
            message.To.Add(MailboxAddress.Parse(to));
        }

        message.Subject = mail.Subject;
        message.Date = time.GetUtcNow();
        message.Body = new TextPart("plain") { Text = mail.Body };
        return message;
    }

    private static SecureSocketOptions Secure(MailTlsMode mode) => mode switch
    {
        MailTlsMode.StartTls => SecureSocketOptions.StartTls,
        MailTlsMode.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail sent to {Count} recipient(s) through {Host}")]
    private partial void LogSent(int count, string host);

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail written to the pickup folder as {Name}")]
    private partial void LogPickedUp(string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail not sent ({Failure}) through {Where}")]
    private partial void LogFailed(string failure, string where);
}
