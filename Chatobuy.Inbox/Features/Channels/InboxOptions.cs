namespace Chatobuy.Inbox.Features.Channels;

public sealed class InboxOptions
{
    public const string SectionName = "Inbox";

    /// <summary>The address Meta reaches this inbox on, e.g. https://inbox.example.com. Empty: the address in the browser.</summary>
    public string? PublicBaseUrl { get; set; }
}
