using System.ComponentModel.DataAnnotations;

namespace Chatobuy.Inbox.CloudApi;

public sealed class CloudApiOptions
{
    public const string SectionName = "CloudApi";

    [Required, Url]
    public string DefaultBaseUrl { get; set; } = "https://graph.facebook.com";

    [Required, RegularExpression(@"^v[0-9]+\.[0-9]+$")]
    public string DefaultVersion { get; set; } = "v23.0";

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>How many bytes one request of a Resumable Upload carries (reference §6.3); larger files go in several.</summary>
    [Range(1, 100_000_000)]
    public int UploadChunkBytes { get; set; } = 4_000_000;
}
