using Chatobuy.Inbox.Features.Channels;

namespace Chatobuy.Inbox.Tests.Support;

/// <summary>Channel rows for tests that need one without running the wizard.</summary>
internal static class TestChannels
{
    public static Channel New(ChannelSecrets secrets, string title, string phoneNumberId, string wabaId = "111", bool isDefault = false) => new()
    {
        Title = title,
        GraphBaseUrl = "http://graph.test",
        BusinessId = "123456",
        WabaId = wabaId,
        WabaName = "Store account",
        PhoneNumberId = phoneNumberId,
        DisplayPhoneNumber = $"+1 555-{phoneNumberId}",
        VerifiedName = title,
        AccessTokenProtected = secrets.Protect("EAAtoken1234567890abcd"),
        AppSecretProtected = secrets.Protect("0123456789abcdef0123456789abcdef"),
        VerifyToken = Guid.NewGuid().ToString("N"),
        IsDefault = isDefault,
        CreatedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
    };
}
