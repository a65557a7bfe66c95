using Chatobuy.Inbox.Features.Outbound;

namespace Chatobuy.Inbox.Features.Interactive;

/// <summary>A saved interactive message made ready for one contact (<see cref="Interactive"/>), or why it cannot be (<see cref="Error"/>).</summary>
public sealed record InteractiveResolution(OutboundInteractive? Interactive, string? Error)
{
    public static InteractiveResolution Ok(OutboundInteractive interactive) => new(interactive, null);

    public static InteractiveResolution Refused(string error) => new(null, error);
}
