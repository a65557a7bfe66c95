using Chatobuy.Inbox.Features.Availability;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>An agent to assign: the name given at Setup (the e-mail when none), the e-mail for a tooltip, and whether they are available.</summary>
public sealed record AgentOption(string Id, string Name, string Email = "", AvailabilityStatus Availability = AvailabilityStatus.Offline);
