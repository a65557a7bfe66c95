namespace Chatobuy.Inbox.Features.Profile;

/// <summary>The body of <c>PATCH /api/v1/channels/{id}/profile</c>: the fields to change; a missing (null) one stays.</summary>
public sealed record ProfilePatch(
    string? About = null,
    string? Address = null,
    string? Description = null,
    string? Email = null,
    List<string>? Websites = null,
    string? Vertical = null)
{
    public void ApplyTo(BusinessProfileModel model)
    {
        model.About = About ?? model.About;
        model.Address = Address ?? model.Address;
        model.Description = Description ?? model.Description;
        model.Email = Email ?? model.Email;
        model.Websites = Websites ?? model.Websites;
        model.Vertical = Vertical ?? model.Vertical;
    }
}
