using Chatobuy.Inbox.CloudApi;

namespace Chatobuy.Inbox.Features.Profile;

/// <summary>
/// A WhatsApp Business profile as Meta returned it (reference §6.1), in our terms: empty strings for missing text,
/// a null <see cref="Vertical"/> when none is set.
/// </summary>
public sealed record BusinessProfile(
    string About,
    string Address,
    string Description,
    string Email,
    IReadOnlyList<string> Websites,
    string? Vertical,
    string? PictureUrl)
{
    public static BusinessProfile From(BusinessProfileData data) => new(
        data.About ?? "",
        data.Address ?? "",
        data.Description ?? "",
        data.Email ?? "",
        data.Websites?.ToList() ?? [],
        BusinessVerticals.Normalize(data.Vertical),
        string.IsNullOrWhiteSpace(data.ProfilePictureUrl) ? null : data.ProfilePictureUrl);

    /// <summary>
    /// The fields (by their readable names) where <paramref name="other"/> differs from this profile. Picture URLs are
    /// compared without their query string: Meta's CDN links carry expiry parameters that change by themselves.
    /// </summary>
    public IReadOnlyList<string> DifferingFields(BusinessProfile other)
    {
        var fields = new List<string>();
        if (About != other.About)
        {
            fields.Add("About");
        }

        if (Address != other.Address)
        {
            fields.Add("Address");
        }

        if (Description != other.Description)
        {
            fields.Add("Description");
        }

        if (Email != other.Email)
        {
            fields.Add("Email");
        }

        if (!Websites.SequenceEqual(other.Websites))
        {
            fields.Add("Websites");
        }

        if (Vertical != other.Vertical)
        {
            fields.Add("Business vertical");
        }

        if (WithoutQuery(PictureUrl) != WithoutQuery(other.PictureUrl))
        {
            fields.Add("Profile picture");
        }

        return fields;
    }

    private static string? WithoutQuery(string? url) => url?.Split('?')[0];
}
