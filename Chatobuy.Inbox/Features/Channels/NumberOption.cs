namespace Chatobuy.Inbox.Features.Channels;

public sealed record NumberOption(
    string PhoneNumberId,
    string DisplayPhoneNumber,
    string VerifiedName,
    string? QualityRating,
    string? CodeVerificationStatus,
    string? Status,
    string? ConnectedToChannel);
