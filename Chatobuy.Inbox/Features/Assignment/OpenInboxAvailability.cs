using Chatobuy.Inbox.Features.Inbox;

namespace Chatobuy.Inbox.Features.Assignment;

/// <summary>The default availability: an agent with an inbox page open on this instance is online.</summary>
public sealed class OpenInboxAvailability(PresenceTracker presence) : IAgentAvailability
{
    public bool IsAvailable(string userId) => presence.HasOpenPage(userId);
}
