namespace Chatobuy.Inbox.Features.Profile;

/// <summary>A channel's WhatsApp Business profile as the API shows it; <c>verticalName</c> is "Not set" when there is none.</summary>
public sealed record BusinessProfileDto(
    string About,
    string Address,
    string Description,
    string Email,
    IReadOnlyList<string> Websites,
    string? Vertical,
    string VerticalName,
    string? ProfilePictureUrl)
{
    public static BusinessProfileDto From(BusinessProfile profile) => new(
        profile.About,
        profile.Address,
        profile.Description,
        profile.Email,
        profile.Websites,
        profile.Vertical,
        BusinessVerticals.NameOf(profile.Vertical),
        profile.PictureUrl);
}
