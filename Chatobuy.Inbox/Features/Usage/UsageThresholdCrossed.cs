namespace Chatobuy.Inbox.Features.Usage;

/// <summary>A channel's messages this month reached <paramref name="Percent"/> (80 or 100) of the free allowance; raised once per month and level.</summary>
public sealed record UsageThresholdCrossed(string ChannelId, string Month, int Percent, int Messages, int Allowance);
