using Chatobuy.Inbox.Features.Profile;

namespace Chatobuy.Inbox.Tests.Features.Profile;

/// <summary>A complete, valid business profile, as the fake Graph API answers it.</summary>
public static class ProfileSamples
{
    public static BusinessProfileModel Valid() => new()
    {
        About = "Fresh plants daily",
        Address = "1 Garden Way",
        Description = "House plants and pots.",
        Email = "shop@example.com",
        Websites = ["https://shop.example.com/"],
        Vertical = "RETAIL",
    };
}
