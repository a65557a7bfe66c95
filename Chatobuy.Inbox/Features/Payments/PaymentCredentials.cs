using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Chatobuy.Inbox.Features.Payments;

/// <summary>
/// Encrypts a partner's credentials (its own field names and values, e.g. <c>secretKey</c>, <c>webhookSecret</c>) at
/// rest with ASP.NET Core Data Protection, like the channel token; the browser only ever sees them masked.
/// </summary>
public sealed class PaymentCredentials(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Chatobuy.Inbox.Payments.Credentials.v1");

    public string Protect(IReadOnlyDictionary<string, string> credentials) =>
        _protector.Protect(JsonSerializer.Serialize(credentials));

    /// <summary>The fields, or none when nothing was saved (throws CryptographicException when the key ring can no longer read them).</summary>
    public IReadOnlyDictionary<string, string> Unprotect(string? protectedCredentials) =>
        string.IsNullOrEmpty(protectedCredentials)
            ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize<Dictionary<string, string>>(_protector.Unprotect(protectedCredentials)) ?? [];
}
