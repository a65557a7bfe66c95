namespace Chatobuy.Inbox.Features.Conversations;

/// <summary>
/// WhatsApp's 24-hour customer service window: free-form messages only within 24 hours of the customer's last
/// message, approved templates at any time. A conversation the business started has no window until the customer
/// answers.
/// </summary>
public static class CustomerServiceWindow
{
    public const string Closed = "More than 24 hours have passed since the customer last wrote. WhatsApp only allows an approved template now.";
    public const string NotOpened = "The customer has not written in this conversation yet. WhatsApp only allows an approved template until they answer.";

    public static readonly TimeSpan Length = TimeSpan.FromHours(24);

    /// <summary>When the window closes; null when the customer has never written.</summary>
    public static DateTimeOffset? ClosesAt(DateTimeOffset? lastInboundAt) => lastInboundAt + Length;

    public static bool IsOpen(DateTimeOffset? lastInboundAt, DateTimeOffset now) => ClosesAt(lastInboundAt) > now;

    /// <summary>Why a free-form message cannot be sent now (the window closed, or it never opened); null while it is open.</summary>
    public static string? Refusal(DateTimeOffset? lastInboundAt, DateTimeOffset now) =>
        IsOpen(lastInboundAt, now) ? null : lastInboundAt is null ? NotOpened : Closed;
}
