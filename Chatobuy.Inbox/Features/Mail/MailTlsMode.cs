namespace Chatobuy.Inbox.Features.Mail;

/// <summary>How the SMTP connection is secured (<c>Mail:TlsMode</c>).</summary>
public enum MailTlsMode
{
    /// <summary>Plain text, for a relay on the same machine or network only.</summary>
    None,

    /// <summary>Connect in plain text, then upgrade with STARTTLS (usually port 587); refused if the server cannot.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}
