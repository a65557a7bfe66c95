namespace Chatobuy.Inbox.CloudApi;

public sealed record PhoneNumberData(
    string Id,
    string? DisplayPhoneNumber,
    string? VerifiedName,
    string? QualityRating,
    string? CodeVerificationStatus,
    string? NameStatus,
    string? Status,
    string? PlatformType,
    PhoneThroughput? Throughput,
    string? MessagingLimitTier = null);
