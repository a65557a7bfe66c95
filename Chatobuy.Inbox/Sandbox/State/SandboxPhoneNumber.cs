namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>A seeded business phone number.</summary>
public sealed record SandboxPhoneNumber(
    string Id,
    string WabaId,
    string DisplayPhoneNumber,
    string VerifiedName,
    string QualityRating,
    string CodeVerificationStatus,
    string NameStatus,
    string Status,
    string PlatformType,
    string ThroughputLevel,
    string MessagingLimitTier = "TIER_1K");
