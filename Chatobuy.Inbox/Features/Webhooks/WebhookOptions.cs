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
}
