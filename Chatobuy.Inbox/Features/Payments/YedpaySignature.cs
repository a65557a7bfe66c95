using System.Security.Cryptography;
using System.Text;

namespace Chatobuy.Inbox.Features.Payments;

/// <summary>
/// Yedpay's HMAC-SHA256 <c>sign</c> exactly as its libraries compute it (commerce reference §6.6): drop <c>sign</c> and
/// <c>sign_type</c>, sort only the top-level keys (ordinal), keep the arrival order inside a group such as
/// <c>transaction[…]</c>, join <c>key=value</c> with <c>&amp;</c> with the values not encoded, and key the HMAC with the
/// 32-character sign key's ASCII bytes; lower-case hex, compared in constant time. The raw form body is parsed here, not
/// through <c>IFormCollection</c>, whose order is not guaranteed.
/// </summary>
public static class YedpaySignature
{
    public const string SignField = "sign";

    public const string SignTypeField = "sign_type";

    public const string SignType = "HMAC_SHA256";

    public const int SignKeyLength = 32;

    /// <summary>The fields of a form body in arrival order: split on <c>&amp;</c> and <c>=</c>, <c>+</c> as a space, percent-decoded.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseForm(string body)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? "" : pair[(equals + 1)..];
            fields.Add(new(Decode(name), Decode(value)));
        }

        return fields;
    }

    /// <summary>The string that is signed: every field but the signature, grouped and sorted by top-level name.</summary>
    public static string Canonical(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields
            .Where(f => f.Key is not (SignField or SignTypeField))
            .OrderBy(f => TopLevel(f.Key), StringComparer.Ordinal)
            .Select(f => $"{f.Key}={f.Value}"));

    /// <summary>The lower-case hex HMAC-SHA256 of the canonical string.</summary>
    public static string Sign(IEnumerable<KeyValuePair<string, string>> fields, string signKey) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.ASCII.GetBytes(signKey), Encoding.UTF8.GetBytes(Canonical(fields))));

    /// <summary>Whether the body's <c>sign</c> is right for <paramref name="signKey"/> (a 32-character key; any other length never verifies).</summary>
    public static bool Verify(IReadOnlyList<KeyValuePair<string, string>> fields, string signKey)
    {
        if (signKey.Length != SignKeyLength)
        {
            return false;
        }

        var received = fields.Where(f => f.Key == SignField).Select(f => f.Value).FirstOrDefault();
        var type = fields.Where(f => f.Key == SignTypeField).Select(f => f.Value).FirstOrDefault();
        if (string.IsNullOrEmpty(received) || (type is not null && type != SignType))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(fields, signKey));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(received.ToLowerInvariant()));
    }

    private static string TopLevel(string key)
    {
        var bracket = key.IndexOf('[');
        return bracket < 0 ? key : key[..bracket];
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
