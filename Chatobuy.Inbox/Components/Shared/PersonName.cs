namespace Chatobuy.Inbox.Components.Shared;

/// <summary>How a person is shown: the name given at Setup (or by an admin), with the e-mail for a tooltip.</summary>
public sealed record PersonName(string Name, string Email)
{
    /// <summary>The name; the e-mail when no name was given.</summary>
    public static PersonName Of(string? displayName, string? email) =>
        new(string.IsNullOrWhiteSpace(displayName) ? email ?? "" : displayName, email ?? "");
}
