using Chatobuy.Inbox.Events;

namespace Chatobuy.Inbox.Features.Availability;

/// <summary>An agent's shown availability changed (they chose another, became active again or signed out).</summary>
public sealed record AvailabilityChanged(string UserId, AvailabilityStatus Availability) : IInboxEvent;
