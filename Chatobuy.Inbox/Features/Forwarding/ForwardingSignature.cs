using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Chatobuy.Inbox.Features.Forwarding;

/// <summary>
/// The forwarding webhook's signature: <c>X-Chatobuy-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256&gt;</c>, the HMAC
/// keyed with the channel's signing secret (its UTF-8 bytes) over <c>"{t}.{raw body}"</c>. A receiver recomputes it over the
/// exact bytes it received, compares in constant time and refuses a <c>t</c> too far from its clock (replayed requests).
/// Public and dependency-free, so that integrators' tests can use it as it is.
/// </summary>
public static class ForwardingSignature
{
    public const string SignatureHeader = "X-Chatobuy-Signature";

    public const string EventIdHeader = "X-Chatobuy-Event-Id";

    /// <summary>The header value for <paramref name="body"/> signed at <paramref name="at"/>.</summary>
    public static string Sign(string secret, DateTimeOffset at, ReadOnlySpan<byte> body)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={timestamp},v1={Convert.ToHexStringLower(Mac(secret, timestamp, body))}";
    }

    /// <summary>
    /// True when <paramref name="header"/> is a valid signature of <paramref name="body"/> with <paramref name="secret"/>,
    /// made within <paramref name="tolerance"/> of <paramref name="now"/> (five minutes when not given).
    /// </summary>
    public static bool Verify(string secret, string? header, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        string? timestamp = null;
        var candidates = new List<string>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal))
            {
                timestamp = part[2..];
            }
            else if (part.StartsWith("v1=", StringComparison.Ordinal))
            {
                candidates.Add(part[3..]);
            }
        }

        if (timestamp is null || candidates.Count == 0
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        var signedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if ((now - signedAt).Duration() > (tolerance ?? TimeSpan.FromMinutes(5)))
        {
            return false;
        }

        var expected = Mac(secret, timestamp, body);
        foreach (var candidate in candidates)
        {
            if (candidate.Length == expected.Length * 2 && candidate.All(char.IsAsciiHexDigit)
                && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(candidate), expected))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A new signing secret: 32 random bytes, base64url, with a recognisable prefix.</summary>
    public static string NewSecret() =>
        "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Mac(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }
}
