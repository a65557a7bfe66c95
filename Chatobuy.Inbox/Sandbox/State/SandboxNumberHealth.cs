namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>What the Sandbox's switches changed on a seeded number; null keeps the seeded value.</summary>
public sealed record SandboxNumberHealth(string? Status, string? QualityRating, string? MessagingLimitTier, string? ThroughputLevel)
{
    public SandboxPhoneNumber Apply(SandboxPhoneNumber number) => number with
    {
        Status = Status ?? number.Status,
        QualityRating = QualityRating ?? number.QualityRating,
        MessagingLimitTier = MessagingLimitTier ?? number.MessagingLimitTier,
        ThroughputLevel = ThroughputLevel ?? number.ThroughputLevel,
    };
}
