using System.Security.Cryptography;
using System.Text;

namespace Chatobuy.Inbox.Features.Webhooks;

/// <summary>Meta's <c>X-Hub-Signature-256</c>: <c>sha256=</c> + hex HMAC-SHA256 of the exact body with the App Secret.</summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-Hub-Signature-256";

    private const string Prefix = "sha256=";

    /// <summary>True when <paramref name="header"/> is a well-formed signature of <paramref name="body"/>; compared in constant time.</summary>
    public static bool IsValid(ReadOnlySpan<byte> body, string? header, string appSecret)
    {
        Span<byte> claimed = stackalloc byte[32];
        return !string.IsNullOrEmpty(appSecret) && TryReadClaim(header, claimed) && Matches(body, claimed, Encoding.UTF8.GetBytes(appSecret));
    }

    /// <summary>Reads the 32-byte HMAC a well-formed header claims; false when the header is missing or malformed.</summary>
    public static bool TryReadClaim(string? header, Span<byte> claimed)
    {
        if (header is null || header.Length != Prefix.Length + 64 || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return Convert.FromHexString(header.AsSpan(Prefix.Length), claimed, out _, out var written) == System.Buffers.OperationStatus.Done && written == 32;
    }

    /// <summary>True when <paramref name="claimed"/> is the HMAC of <paramref name="body"/> under <paramref name="key"/>; compared in constant time.</summary>
    public static bool Matches(ReadOnlySpan<byte> body, ReadOnlySpan<byte> claimed, byte[] key)
    {
        if (key.Length == 0)
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[32];
        HMACSHA256.HashData(key, body, actual);
        return CryptographicOperations.FixedTimeEquals(claimed, actual);
    }

    /// <summary>The header value Meta would send for <paramref name="body"/>.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string appSecret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));
}
