namespace Chatobuy.Inbox.CloudApi;

/// <summary>Reference §6.2: only the fields that are not null are sent; an empty string or list clears a field.</summary>
public sealed record BusinessProfileUpdate(
    string? About = null,
    string? Address = null,
    string? Description = null,
    string? Email = null,
    IReadOnlyList<string>? Websites = null,
    string? Vertical = null,
    string? ProfilePictureHandle = null)
{
    public string MessagingProduct { get; init; } = "whatsapp";
}
