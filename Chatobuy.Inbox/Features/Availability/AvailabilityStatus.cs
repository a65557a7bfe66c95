namespace Chatobuy.Inbox.Features.Availability;

/// <summary>Whether an agent takes conversations now. Stored by name.</summary>
public enum AvailabilityStatus
{
    Online,

    /// <summary>Signed in but not to be given new conversations.</summary>
    Busy,

    Offline,
}
