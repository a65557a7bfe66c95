using Chatobuy.Inbox.CloudApi;

namespace Chatobuy.Inbox.Features.Profile;

/// <summary>What the profile editor (and the API's PATCH) edits; <see cref="BusinessProfileValidator"/> checks it.</summary>
public sealed class BusinessProfileModel
{
    public string About { get; set; } = "";

    public string Address { get; set; } = "";

    public string Description { get; set; } = "";

    public string Email { get; set; } = "";

    public List<string> Websites { get; set; } = [];

    /// <summary>A code of <see cref="BusinessVerticals.All"/>, or null while none is set.</summary>
    public string? Vertical { get; set; }

    public static BusinessProfileModel From(BusinessProfile profile) => new()
    {
        About = profile.About,
        Address = profile.Address,
        Description = profile.Description,
        Email = profile.Email,
        Websites = [.. profile.Websites],
        Vertical = profile.Vertical,
    };

    /// <summary>
    /// The POST of reference §6.2 with only what differs from <paramref name="loaded"/> (and the picture's handle, when
    /// one was uploaded); null when nothing changed. An unset vertical is never sent.
    /// </summary>
    public BusinessProfileUpdate? ChangesFrom(BusinessProfile loaded, string? pictureHandle)
    {
        var websites = Websites.Select(w => w.Trim()).ToList();
        var update = new BusinessProfileUpdate(
            About: About != loaded.About ? About : null,
            Address: Address != loaded.Address ? Address : null,
            Description: Description != loaded.Description ? Description : null,
            Email: Email.Trim() != loaded.Email ? Email.Trim() : null,
            Websites: websites.SequenceEqual(loaded.Websites) ? null : websites,
            Vertical: Vertical is not null && Vertical != loaded.Vertical ? Vertical : null,
            ProfilePictureHandle: pictureHandle);
        return update == new BusinessProfileUpdate() ? null : update;
    }
}
