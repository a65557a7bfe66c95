using System.ComponentModel.DataAnnotations;

namespace Chatobuy.Inbox.Features.Webhooks;

public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>
    /// Verify Token of the app-level callback <c>/webhooks/whatsapp</c> (one Meta app serving several numbers).
    /// Empty: one is generated on first start and kept in the data folder.
    /// </summary>
    public string? AppVerifyToken { get; set; }

    /// <summary>Largest body accepted. Meta sends at most 3 MB.</summary>
    [Range(3 * 1024 * 1024, 64 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// The longest a webhook POST waits for the database (a lock held by another process, a failing disk) before it
    /// is answered 503 so that Meta delivers it again. Well below Meta's own timeout.
    /// </summary>
    [Range(1, 20)]
    public int StoreTimeoutSeconds { get; set; } = 5;

    /// <summary>
    /// Days the raw body of each webhook delivery is kept (the log for audit and replay). Older ones are pruned;
    /// the messages, statuses and events stored from them are kept.
    /// </summary>
    [Range(1, 3650)]
    public int RawDeliveryRetentionDays { get; set; } = 30;
}
