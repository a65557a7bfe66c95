using System.ComponentModel.DataAnnotations;

namespace Chatobuy.Inbox.Features.Mail;

/// <summary>
/// Where the inbox's e-mails (channel alerts, test e-mails) go: an SMTP server when <see cref="Host"/> is set, else
/// <c>.eml</c> files in <see cref="PickupFolder"/> under the data directory.
/// </summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    /// <summary>The SMTP server's name; empty writes the e-mails to the pickup folder instead.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public MailTlsMode TlsMode { get; set; } = MailTlsMode.StartTls;

    /// <summary>The SMTP user name; empty sends without signing in.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>Chatobuy Inbox &lt;alerts@example.com&gt;</c>.</summary>
    [Required]
    public string From { get; set; } = "Chatobuy Inbox <inbox@localhost>";

    /// <summary>Where e-mails are written when no SMTP host is set; relative to the data directory.</summary>
    [Required]
    public string PickupFolder { get; set; } = "mail-pickup";

    /// <summary>How long one SMTP conversation may take.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Host);
}
